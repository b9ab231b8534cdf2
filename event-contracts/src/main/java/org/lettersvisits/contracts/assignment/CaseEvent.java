package org.lettersvisits.contracts.assignment;

import java.util.UUID;

/** An event of the Case aggregate, published on {@code assignment-events} keyed by the case (= petition) id. */
public sealed interface CaseEvent permits CaseAssigned, CaseAccepted, CaseClosed, CaseSuspended, CaseResumed,
        CaseTransferred, DeadlineChanged, CaseReopened, CaseBecameOverdue {

    UUID caseId();
}
