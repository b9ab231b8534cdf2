package org.lettersvisits.contracts.assignment;

import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.Department;

/**
 * An event of the Case aggregate, published on {@code assignment-events} keyed by the case (= petition) id.
 * Each event states what it does to the case's status and holder, so the aggregate and every
 * projection (petition-service's view, reporting's tables) follow one rule; a new event type does not
 * compile until it says so.
 */
public sealed interface CaseEvent permits CaseAssigned, CaseAccepted, CaseClosed, CaseSuspended, CaseResumed,
        CaseTransferred, DeadlineChanged, CaseReopened, CaseBecameOverdue, HandlingExtended,
        CaseReviewRequested, CasePersonalDataErased, AttachmentAdded {

    UUID caseId();

    /** The status the case has after this event; empty when the event leaves the status as it was. */
    Optional<CaseStatus> newStatus();

    /** The department holding the case after this event; empty when the case does not change hands. */
    default Optional<Department> newHolder() {
        return Optional.empty();
    }

    /**
     * Does something for each kind of CaseEvent: one method per permitted event, so a new event type does not compile
     * until every visitor says what it does with it.
     */
    <R> R accept(Visitor<R> visitor);

    /** What to do with each CaseEvent; {@link #accept} calls the method for the event at hand. */
    interface Visitor<R> {

        R caseAssigned(CaseAssigned event);

        R caseAccepted(CaseAccepted event);

        R caseClosed(CaseClosed event);

        R caseSuspended(CaseSuspended event);

        R caseResumed(CaseResumed event);

        R caseTransferred(CaseTransferred event);

        R deadlineChanged(DeadlineChanged event);

        R caseReopened(CaseReopened event);

        R caseBecameOverdue(CaseBecameOverdue event);

        R handlingExtended(HandlingExtended event);

        R caseReviewRequested(CaseReviewRequested event);

        R casePersonalDataErased(CasePersonalDataErased event);

        R attachmentAdded(AttachmentAdded event);
    }
}
