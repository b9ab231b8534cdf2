package org.lettersvisits.contracts;

import java.util.List;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.contracts.petition.RepeatVisitRecorded;

/** Every event class of the platform, so one codec can read any topic. */
final class PlatformEvents {

    static final List<Class<?>> ALL = List.of(
            PetitionRegistered.class,
            RepeatVisitRecorded.class,
            CaseAssigned.class,
            CaseAccepted.class,
            CaseClosed.class,
            CaseSuspended.class,
            CaseResumed.class,
            CaseTransferred.class,
            DeadlineChanged.class,
            CaseReopened.class,
            CaseBecameOverdue.class,
            ReturnVisitScheduled.class,
            ReturnVisitCompleted.class,
            ReturnVisitBecameOverdue.class);

    private PlatformEvents() {
    }
}
