package org.lettersvisits.contracts.followup;

import java.util.UUID;

/** An event of the ReturnVisit aggregate, published on {@code followup-events} keyed by its case id (one case, one partition). */
public sealed interface ReturnVisitEvent permits ReturnVisitScheduled, ReturnVisitCompleted, ReturnVisitBecameOverdue {

    UUID visitId();

    UUID caseId();
}
