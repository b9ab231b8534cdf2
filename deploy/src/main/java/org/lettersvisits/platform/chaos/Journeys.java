package org.lettersvisits.platform.chaos;

import static org.lettersvisits.platform.ApiClient.ASSIGNMENT;
import static org.lettersvisits.platform.ApiClient.FOLLOWUP;
import static org.lettersvisits.platform.ApiClient.PETITION;

import java.io.IOException;
import java.util.List;

import org.lettersvisits.platform.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit case by case, for the lifecycles of one phase: each petition's status equals its case's; each
 * closure has exactly one return visit; a lifecycle that reopened ends closed, with two closures and one
 * reopening in its case's history; a dissatisfied visit whose case has not come back and been closed again is
 * not in place (yet).
 */
final class Journeys {

    /** What the check found missing and doubled. */
    record Found(long lost, long doubled) {
    }

    private final ApiClient api;

    Journeys(ApiClient api) {
        this.api = api;
    }

    /** Checks every lifecycle of {@code phase}, adding a note for each thing out of place. */
    Found check(List<Lifecycle> phase, List<String> notes) throws IOException, InterruptedException {
        long lost = 0;
        long doubled = 0;
        for (Lifecycle l : phase) {
            if (l.assigned) {
                JsonNode theCase = api.get("supervisor1", ASSIGNMENT, "/api/cases/" + l.petitionId).body();
                String caseStatus = theCase.path("status").asText();
                String petitionStatus = api.get("reception1", PETITION, "/api/petitions/" + l.petitionId).body().path("status")
                        .asText();
                if (!caseStatus.equals(petitionStatus)) {
                    lost++;
                    notes.add("petition " + l.petitionId + " is " + petitionStatus + ", its case " + caseStatus);
                }
                if (l.reopens && l.closures == 2) {
                    Found reopening = reopening(theCase, caseStatus, l, notes);
                    lost += reopening.lost();
                    doubled += reopening.doubled();
                }
            }
            if (l.reopeningUnderWay()) {
                lost++;
                notes.add("case " + l.petitionId + ": dissatisfied at its return visit, not yet back with its department"
                        + " and closed again");
            }
            if (l.ended == Lifecycle.Outcome.CLOSED) {
                int visits = api.get("followup1", FOLLOWUP, "/api/return-visits?caseId=" + l.petitionId).body().path("total")
                        .asInt(-1);
                if (visits != l.closures) {
                    lost += Math.max(0, l.closures - Math.max(visits, 0));
                    doubled += Math.max(0, visits - l.closures);
                    notes.add(l.closures + " closure(s) of " + l.petitionId + " have " + visits + " return visits");
                }
            }
        }
        return new Found(lost, doubled);
    }

    /**
     * A journey that reopened: its case's history holds exactly two closures and one reopening, and it ends
     * closed.
     */
    private static Found reopening(JsonNode theCase, String caseStatus, Lifecycle l, List<String> notes) {
        long closed = 0;
        long reopened = 0;
        for (JsonNode entry : theCase.path("history")) {
            closed += "case.closed.v1".equals(entry.path("type").asText()) ? 1 : 0;
            reopened += "case.reopened.v1".equals(entry.path("type").asText()) ? 1 : 0;
        }
        if (closed == 2 && reopened == 1 && "CLOSED".equals(caseStatus)) {
            return new Found(0, 0);
        }
        notes.add("case " + l.petitionId + " that reopened is " + caseStatus + " with " + closed + " closure(s) and "
                + reopened + " reopening(s); expected CLOSED, 2 and 1");
        long lost = Math.max(0, 2 - closed) + Math.max(0, 1 - reopened) + ("CLOSED".equals(caseStatus) ? 0 : 1);
        return new Found(lost, Math.max(0, closed - 2) + Math.max(0, reopened - 1));
    }
}
