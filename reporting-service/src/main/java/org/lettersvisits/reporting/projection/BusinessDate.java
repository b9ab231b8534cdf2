package org.lettersvisits.reporting.projection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.lettersvisits.contracts.assignment.AttachmentAdded;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.contracts.petition.PetitionEvent;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.contracts.petition.RepeatVisitRecorded;

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
        if (event instanceof PetitionEvent e) {
            return e.accept(PETITION_DAYS);
        }
        if (event instanceof CaseEvent e) {
            return e.accept(CASE_DAYS);
        }
        if (event instanceof ReturnVisitEvent e) {
            return e.accept(RETURN_VISIT_DAYS);
        }
        return null;
    }

    private static final PetitionEvent.Visitor<LocalDate> PETITION_DAYS = new PetitionEvent.Visitor<>() {
        @Override
        public LocalDate petitionRegistered(PetitionRegistered e) {
            return e.receivedOn();
        }

        @Override
        public LocalDate repeatVisitRecorded(RepeatVisitRecorded e) {
            return e.receivedOn();
        }

        @Override
        public LocalDate personalDataErased(PersonalDataErased e) {
            return null; // names no day of its own
        }
    };

    private static final CaseEvent.Visitor<LocalDate> CASE_DAYS = new CaseEvent.Visitor<>() {
        @Override
        public LocalDate caseAssigned(CaseAssigned e) {
            return e.assignedOn();
        }

        @Override
        public LocalDate caseAccepted(CaseAccepted e) {
            return e.acceptedOn();
        }

        @Override
        public LocalDate caseClosed(CaseClosed e) {
            return e.closedOn();
        }

        @Override
        public LocalDate caseSuspended(CaseSuspended e) {
            return e.suspendedOn();
        }

        @Override
        public LocalDate caseResumed(CaseResumed e) {
            return e.resumedOn();
        }

        @Override
        public LocalDate caseTransferred(CaseTransferred e) {
            return e.transferredOn();
        }

        @Override
        public LocalDate deadlineChanged(DeadlineChanged e) {
            return null; // names no day of its own
        }

        @Override
        public LocalDate caseReopened(CaseReopened e) {
            return e.reopenedOn();
        }

        @Override
        public LocalDate caseBecameOverdue(CaseBecameOverdue e) {
            return e.detectedOn();
        }

        @Override
        public LocalDate handlingExtended(HandlingExtended e) {
            return e.extendedOn();
        }

        @Override
        public LocalDate caseReviewRequested(CaseReviewRequested e) {
            return e.requestedOn();
        }

        @Override
        public LocalDate casePersonalDataErased(CasePersonalDataErased e) {
            return null; // names no day of its own
        }

        @Override
        public LocalDate attachmentAdded(AttachmentAdded e) {
            return e.addedOn();
        }
    };

    private static final ReturnVisitEvent.Visitor<LocalDate> RETURN_VISIT_DAYS = new ReturnVisitEvent.Visitor<>() {
        @Override
        public LocalDate returnVisitScheduled(ReturnVisitScheduled e) {
            return e.closedOn();
        }

        @Override
        public LocalDate returnVisitCompleted(ReturnVisitCompleted e) {
            return e.visitedOn();
        }

        @Override
        public LocalDate returnVisitBecameOverdue(ReturnVisitBecameOverdue e) {
            return e.detectedOn();
        }

        @Override
        public LocalDate returnVisitAttemptFailed(ReturnVisitAttemptFailed e) {
            return e.attemptedOn();
        }
    };
}
