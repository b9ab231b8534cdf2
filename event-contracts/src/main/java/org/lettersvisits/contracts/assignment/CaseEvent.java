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
        CaseReviewRequested {

    UUID caseId();

    /** The status the case has after this event; empty when the event leaves the status as it was. */
    Optional<CaseStatus> newStatus();

    /** The department holding the case after this event; empty when the case does not change hands. */
    default Optional<Department> newHolder() {
        return Optional.empty();
    }
}
