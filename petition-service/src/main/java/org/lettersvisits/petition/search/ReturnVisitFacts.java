package org.lettersvisits.petition.search;

import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;

/** What a timeline entry says about an event of one of the petition's return visits ({@link TimelineFacts}). */
final class ReturnVisitFacts implements ReturnVisitEvent.Visitor<TimelineFacts> {

    static final ReturnVisitFacts INSTANCE = new ReturnVisitFacts();

    private ReturnVisitFacts() {
    }

    @Override
    public TimelineFacts returnVisitScheduled(ReturnVisitScheduled e) {
        return TimelineFacts.of("dueBy", e.dueBy());
    }

    @Override
    public TimelineFacts returnVisitCompleted(ReturnVisitCompleted e) {
        return TimelineFacts.of("visitedOn", e.visitedOn())
                .and("visitor", e.visitor())
                .and("satisfaction", e.satisfaction())
                .and("petitionerWithdraws", e.petitionerWithdraws())
                .and("reopen", e.reopen())
                .and("notes", e.notes());
    }

    @Override
    public TimelineFacts returnVisitBecameOverdue(ReturnVisitBecameOverdue e) {
        return TimelineFacts.none();
    }

    @Override
    public TimelineFacts returnVisitAttemptFailed(ReturnVisitAttemptFailed e) {
        return TimelineFacts.of("attemptedOn", e.attemptedOn())
                .and("reason", e.reason())
                .and("notes", e.notes());
    }
}
