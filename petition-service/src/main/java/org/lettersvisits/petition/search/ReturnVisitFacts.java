package org.lettersvisits.petition.search;

import java.util.Map;

import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;

/** What a timeline entry says about an event of one of the petition's return visits ({@link TimelineFacts}). */
final class ReturnVisitFacts implements ReturnVisitEvent.Visitor<Map<String, Object>> {

    static final ReturnVisitFacts INSTANCE = new ReturnVisitFacts();

    private ReturnVisitFacts() {
    }

    @Override
    public Map<String, Object> returnVisitScheduled(ReturnVisitScheduled e) {
        return TimelineFacts.of("dueBy", e.dueBy());
    }

    @Override
    public Map<String, Object> returnVisitCompleted(ReturnVisitCompleted e) {
        return TimelineFacts.of("visitor", e.visitor(), "satisfaction", e.satisfaction(),
                "petitionerWithdraws", e.petitionerWithdraws(), "reopen", e.reopen(), "notes", e.notes());
    }

    @Override
    public Map<String, Object> returnVisitBecameOverdue(ReturnVisitBecameOverdue e) {
        return TimelineFacts.of();
    }
}
