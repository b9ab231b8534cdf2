package org.lettersvisits.platform.chaos;

import static org.lettersvisits.platform.ApiClient.ASSIGNMENT;
import static org.lettersvisits.platform.ApiClient.FOLLOWUP;
import static org.lettersvisits.platform.ApiClient.PETITION;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lettersvisits.platform.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit case by case, for the lifecycles of one phase: each command the case's API accepted is in the case's
 * history exactly once (one {@code CaseAssigned}, one {@code CaseAccepted}, one {@code CaseClosed} per closure, one
 * {@code CaseSuspended}, one {@code CaseReopened} for a journey that reopened): a command recorded twice (a retry
 * run again after the first try had taken effect) shows as an excess there, one accepted and not recorded as a
 * shortfall; each petition's status equals its case's; each closure has exactly one return visit; a lifecycle that
 * reopened ends closed; a dissatisfied visit whose case has not come back and been closed again is not in place (yet).
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
                Found history = history(theCase, l, notes);
                lost += history.lost();
                doubled += history.doubled();
                if (l.reopens && l.closures == 2 && !"CLOSED".equals(caseStatus)) {
                    lost++;
                    notes.add("case " + l.petitionId + " that reopened and was closed again is " + caseStatus);
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
     * The case's history against the commands the APIs accepted for it, event type by event type: more events than
     * accepted commands is doubled, fewer lost. The reopening comes from the dissatisfied visit, not from a command
     * of the driver's: it is expected once the case was closed the second time (a reopening still under way is
     * {@link Lifecycle#reopeningUnderWay()}), and never more than once.
     */
    static Found history(JsonNode theCase, Lifecycle l, List<String> notes) {
        Map<String, Long> recorded = new TreeMap<>();
        for (JsonNode entry : theCase.path("history")) {
            recorded.merge(entry.path("type").asText(), 1L, Long::sum);
        }
        Map<String, Long> accepted = new TreeMap<>();
        accepted.put("case.assigned.v1", 1L);
        accepted.put("case.accepted.v1", l.accepted ? 1L : 0L);
        accepted.put("case.closed.v1", (long) l.closures);
        accepted.put("case.suspended.v1", l.ended == Lifecycle.Outcome.SUSPENDED ? 1L : 0L);
        long reopenings = recorded.getOrDefault("case.reopened.v1", 0L);
        long lost = 0;
        long doubled = Math.max(0, reopenings - (l.reopens ? 1 : 0));
        if (l.reopens && l.closures == 2 && reopenings == 0) {
            lost++;
        }
        if (doubled > 0 || lost > 0) {
            notes.add("case " + l.petitionId + " has " + reopenings + " case.reopened.v1 in its history; expected "
                    + (l.reopens ? "1" : "none"));
        }
        for (Map.Entry<String, Long> command : accepted.entrySet()) {
            long difference = recorded.getOrDefault(command.getKey(), 0L) - command.getValue();
            if (difference != 0) {
                notes.add("case " + l.petitionId + " has " + recorded.getOrDefault(command.getKey(), 0L) + " "
                        + command.getKey() + " in its history for " + command.getValue() + " accepted");
            }
            lost += Math.max(0, -difference);
            doubled += Math.max(0, difference);
        }
        return new Found(lost, doubled);
    }
}
