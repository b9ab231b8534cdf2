package org.lettersvisits.platform.chaos;

import static org.lettersvisits.platform.ApiClient.ASSIGNMENT;
import static org.lettersvisits.platform.ApiClient.FOLLOWUP;
import static org.lettersvisits.platform.ApiClient.PETITION;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lettersvisits.platform.ApiClient;
import org.lettersvisits.platform.ApiClient.Answer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One petition's whole journey through the APIs, as staff would drive it: reception registers it,
 * the supervisor assigns it (retrying while assignment-service has not heard of it yet), the
 * department accepts it and closes or suspends it, and the return-visit officer completes the visit
 * of a closed case. Every command is retried until it has a definitive answer; what the APIs accepted
 * is recorded, so the audit can compare it with what every service ended up with. A command whose
 * answer was lost (a connection reset, a 5xx) and that then meets 409 on its retry had taken effect.
 * Business dates are in the year 2000, which nothing else uses, so the report of that year is the
 * chaos run's alone.
 */
final class Lifecycle {

    static final String YEAR = "2000";
    private static final Duration STEP_LIMIT = Duration.ofMinutes(3);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final List<String> DEPARTMENTS = List.of("PUBLIC_SECURITY", "PROCURATORATE", "COURT", "JUSTICE_BUREAU");
    private static final Map<String, String> OFFICERS = Map.of("PUBLIC_SECURITY", "police1", "PROCURATORATE",
            "procurator1", "COURT", "judge1", "JUSTICE_BUREAU", "justice1");

    /** How it ends: closed (with a return visit) or suspended. */
    enum Outcome {
        CLOSED, SUSPENDED
    }

    final String department;
    final Outcome planned;
    volatile String petitionId;
    volatile boolean registered;
    volatile boolean assigned;
    volatile boolean accepted;
    volatile Outcome ended;
    volatile boolean visitCompleted;
    volatile String unanswered;

    Lifecycle(int number) {
        this.department = DEPARTMENTS.get(number % DEPARTMENTS.size());
        this.planned = number % 3 == 2 ? Outcome.SUSPENDED : Outcome.CLOSED;
    }

    /** The commands the APIs accepted for this journey. */
    int acceptedCommands() {
        return (registered ? 1 : 0) + (assigned ? 1 : 0) + (accepted ? 1 : 0) + (ended != null ? 1 : 0)
                + (visitCompleted ? 1 : 0);
    }

    /** Drives the journey as far as the platform lets it; the return visit only if it is scheduled within {@code visitWait}. */
    void run(ApiClient api, Duration visitWait) throws InterruptedException {
        try {
            register(api);
            assigned = command(api, "supervisor1", ASSIGNMENT, "/api/cases", Map.of("petitionId", petitionId,
                    "department", department, "responsibleLeader", "Chaos Leader", "assignedOn", YEAR + "-06-15"), Map.of(),
                    true);
            String officer = OFFICERS.get(department);
            accepted = command(api, officer, ASSIGNMENT, "/api/cases/" + petitionId + "/accept", null, Map.of(), false);
            if (planned == Outcome.CLOSED) {
                ended = command(api, officer, ASSIGNMENT, "/api/cases/" + petitionId + "/close",
                        Map.of("resolution", "resolved under fault injection", "closedOn", YEAR + "-06-20"), Map.of(), false)
                                ? Outcome.CLOSED : null;
                if (ended != null) {
                    completeVisit(api, visitWait);
                }
            } else {
                ended = command(api, officer, ASSIGNMENT, "/api/cases/" + petitionId + "/suspend",
                        Map.of("reason", "the parties settled", "suspendedOn", YEAR + "-06-20"), Map.of(), false)
                                ? Outcome.SUSPENDED : null;
            }
        } catch (Unanswered e) {
            unanswered = e.getMessage();
        }
    }

    private void register(ApiClient api) throws InterruptedException {
        Map<String, Object> body = Map.of("channel", "LETTER", "receivedOn", YEAR + "-06-14", "receivedBy", "chaos",
                "petitioner", Map.of("name", "Chaos Writer"), "subject", "a lifecycle under fault injection",
                "involvesLawAndLitigation", true);
        String key = UUID.randomUUID().toString(); // a retry with the same key returns the first registration
        JsonNode[] result = new JsonNode[1];
        registered = command(api, "reception1", PETITION, "/api/petitions", body, Map.of("Idempotency-Key", key), false,
                result);
        if (!registered) {
            throw new Unanswered("registration refused: " + result[0]);
        }
        petitionId = result[0].get("id").asText();
    }

    /** Completes the closed case's return visit if followup-service scheduled it within {@code wait}. */
    void completeVisit(ApiClient api, Duration wait) throws InterruptedException {
        if (ended != Outcome.CLOSED || visitCompleted) {
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            try {
                Answer visits = api.get("followup1", FOLLOWUP, "/api/return-visits?caseId=" + petitionId);
                for (JsonNode visit : visits.body().path("items")) {
                    if (!"COMPLETED".equals(visit.path("status").asText())) {
                        visitCompleted = command(api, "followup1", FOLLOWUP,
                                "/api/return-visits/" + visit.get("id").asText() + "/complete",
                                Map.of("visitedOn", YEAR + "-06-25", "visitor", "Chaos Visitor", "satisfaction", "SATISFIED",
                                        "petitionerWithdraws", true, "reopen", false), Map.of(), false);
                        return;
                    }
                }
            } catch (IOException e) {
                // followup-service is away: look again
            } catch (Unanswered e) {
                unanswered = e.getMessage();
                return;
            }
            Thread.sleep(RETRY.toMillis()); // a deliberate, bounded poll interval
        } while (System.nanoTime() < deadline);
    }

    private boolean command(ApiClient api, String user, int service, String path, Object body, Map<String, String> headers,
            boolean notFoundMeansNotYet) throws InterruptedException {
        return command(api, user, service, path, body, headers, notFoundMeansNotYet, new JsonNode[1]);
    }

    /**
     * Sends a command until it has a definitive answer: true when it took effect (2xx, or 409 after an
     * answer was lost), false when the platform refused it; throws {@link Unanswered} after the step limit.
     */
    private boolean command(ApiClient api, String user, int service, String path, Object body, Map<String, String> headers,
            boolean notFoundMeansNotYet, JsonNode[] result) throws InterruptedException {
        boolean answerLost = false;
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Answer answer = api.call(user, service, "POST", path, body, headers);
                result[0] = answer.body();
                if (answer.is2xx() || answer.status() == 409 && answerLost) {
                    return true;
                }
                if (answer.status() >= 500 || answer.status() == 404 && notFoundMeansNotYet) {
                    answerLost |= answer.status() >= 500;
                } else {
                    return false;
                }
            } catch (IOException e) {
                answerLost = true;
            }
            Thread.sleep(RETRY.toMillis()); // a deliberate, bounded retry interval
        }
        throw new Unanswered("POST " + path + " had no definitive answer within " + STEP_LIMIT.toMinutes() + " min");
    }

    /** A command that got no definitive answer for the whole step limit. */
    static final class Unanswered extends RuntimeException {
        Unanswered(String message) {
            super(message);
        }
    }
}
