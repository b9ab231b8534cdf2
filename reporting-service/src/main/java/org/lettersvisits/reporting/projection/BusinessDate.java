package org.lettersvisits.reporting.projection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.petition.PetitionRegistered;

/**
 * The day an event happened in the committee's business, as the event itself says (received, assigned, accepted,
 * closed, suspended, transferred on ...), not when it was recorded: a year is often entered late. An event that
 * names no such day (a deadline change) happened on the day it was recorded, in the committee's time zone.
 */
public final class BusinessDate {

    private BusinessDate() {
    }

    public static LocalDate of(Object event, OffsetDateTime recordedAt, ZoneId zone) {
        LocalDate named = named(event);
        return named != null ? named : recordedAt.atZoneSameInstant(zone).toLocalDate();
    }

    private static LocalDate named(Object event) {
        if (event instanceof PetitionRegistered e) {
            return e.receivedOn();
        }
        if (event instanceof CaseAssigned e) {
            return e.assignedOn();
        }
        if (event instanceof CaseAccepted e) {
            return e.acceptedOn();
        }
        if (event instanceof CaseClosed e) {
            return e.closedOn();
        }
        if (event instanceof CaseSuspended e) {
            return e.suspendedOn();
        }
        if (event instanceof CaseResumed e) {
            return e.resumedOn();
        }
        if (event instanceof CaseTransferred e) {
            return e.transferredOn();
        }
        if (event instanceof CaseReopened e) {
            return e.reopenedOn();
        }
        if (event instanceof CaseReviewRequested e) {
            return e.requestedOn();
        }
        if (event instanceof CaseBecameOverdue e) {
            return e.detectedOn();
        }
        if (event instanceof ReturnVisitScheduled e) {
            return e.closedOn();
        }
        if (event instanceof ReturnVisitCompleted e) {
            return e.visitedOn();
        }
        if (event instanceof ReturnVisitBecameOverdue e) {
            return e.detectedOn();
        }
        return null;
    }
}
