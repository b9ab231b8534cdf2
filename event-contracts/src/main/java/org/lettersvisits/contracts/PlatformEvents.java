package org.lettersvisits.contracts;

import java.util.List;
import java.util.Map;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.contracts.petition.RepeatVisitRecorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
            HandlingExtended.class,
            CaseReviewRequested.class,
            ReturnVisitScheduled.class,
            ReturnVisitCompleted.class,
            ReturnVisitBecameOverdue.class);

    /**
     * How records of older public versions still on the topics read as the current ones. Version 1 of
     * the petition events carried personal data; reading drops it.
     */
    static final Map<String, EventCodec.Upcaster> LEGACY = Map.of(
            "petition.registered.v1", new EventCodec.Upcaster("petition.registered.v2",
                    payload -> without(payload, "receivedBy", "petitioner", "description")),
            "petition.repeat-visit-recorded.v1", new EventCodec.Upcaster("petition.repeat-visit-recorded.v2",
                    payload -> without(payload, "receivedBy", "note")));

    private static JsonNode without(JsonNode payload, String... fields) {
        return payload.deepCopy() instanceof ObjectNode copy ? copy.without(List.of(fields)) : payload;
    }

    private PlatformEvents() {
    }
}
