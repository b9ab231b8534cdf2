package org.lettersvisits.contracts.followup;

import java.util.UUID;

/** An event of the ReturnVisit aggregate, published on {@code followup-events} keyed by its case id (one case, one partition). */
public sealed interface ReturnVisitEvent permits ReturnVisitScheduled, ReturnVisitCompleted, ReturnVisitBecameOverdue,
        ReturnVisitAttemptFailed {

    UUID visitId();

    UUID caseId();

    /**
     * Does something for each kind of ReturnVisitEvent: one method per permitted event, so a new event type does not compile
     * until every visitor says what it does with it.
     */
    <R> R accept(Visitor<R> visitor);

    /** What to do with each ReturnVisitEvent; {@link #accept} calls the method for the event at hand. */
    interface Visitor<R> {

        R returnVisitScheduled(ReturnVisitScheduled event);

        R returnVisitCompleted(ReturnVisitCompleted event);

        R returnVisitBecameOverdue(ReturnVisitBecameOverdue event);

        R returnVisitAttemptFailed(ReturnVisitAttemptFailed event);
    }
}
