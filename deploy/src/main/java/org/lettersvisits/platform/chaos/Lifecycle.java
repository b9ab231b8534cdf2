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
import org.lettersvisits.platform.chaos.Commands.Unanswered;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One petition's whole journey through the APIs, as staff would drive it: reception registers it,
 * the supervisor assigns it (retrying while assignment-service has not heard of it yet), the
 * department accepts it and closes or suspends it, and the return-visit officer completes the visit
 * of a closed case. Every 4th journey reopens: its first visit finds the parties dissatisfied and sends
 * the case back, the department closes it again once it is back, and the second closure's visit finds
 * them satisfied. Every command is retried until it has a definitive answer ({@link Commands}); what
 * the APIs accepted is recorded, so the audit can compare it with what every service ended up with.
 * Business dates are in the year 2000, which nothing else uses, so the report of that year is the
 * chaos run's alone.
 */
final class Lifecycle {

    static final String YEAR = "2000";
    private static final List<String> DEPARTMENTS = List.of("PUBLIC_SECURITY", "PROCURATORATE", "COURT", "JUSTICE_BUREAU");
    private static final Map<String, String> OFFICERS = Map.of("PUBLIC_SECURITY", "police1", "PROCURATORATE",
            "procurator1", "COURT", "judge1", "JUSTICE_BUREAU", "justice1");
    /** The closing and visiting days of the first and the second closure. */
    private static final List<String> CLOSED_ON = List.of(YEAR + "-06-20", YEAR + "-06-28");
    private static final List<String> VISITED_ON = List.of(YEAR + "-06-25", YEAR + "-07-03");

    /** How it ends: closed (with a return visit per closure) or suspended. */
    enum Outcome {
        CLOSED, SUSPENDED
    }

    final String department;
    final Outcome planned;
    /** Closed, visited dissatisfied, reopened, closed again and visited satisfied. */
    final boolean reopens;
    final Commands commands;
    volatile String petitionId;
    volatile boolean registered;
    volatile boolean assigned;
    volatile boolean accepted;
    volatile Outcome ended;
    /** Closures the API accepted: one, or two for a journey that reopens. */
    volatile int closures;
    volatile int visitsCompleted;
    /** The case was seen back with its department after the dissatisfied visit. */
    volatile boolean reopened;
    volatile String unanswered;

    Lifecycle(int number, ApiClient api) {
        this.department = DEPARTMENTS.get(number % DEPARTMENTS.size());
        this.reopens = number % 4 == 3;
        this.planned = !reopens && number % 3 == 2 ? Outcome.SUSPENDED : Outcome.CLOSED;
        this.commands = new Commands(api);
    }

    /** The commands the APIs accepted for this journey. */
    int acceptedCommands() {
        return (registered ? 1 : 0) + (assigned ? 1 : 0) + (accepted ? 1 : 0) + (ended == Outcome.SUSPENDED ? 1 : 0)
                + closures + visitsCompleted;
    }

    /** Whether the case should be closed now: closed, and not sent back by a dissatisfied visit since. */
    boolean endsClosed() {
        return closures == 2 || closures == 1 && !(reopens && visitsCompleted > 0);
    }

    /** A dissatisfied visit sent the case back, and the journey has not closed it again yet (nor given up). */
    boolean reopeningUnderWay() {
        return reopens && closures == 1 && visitsCompleted == 1 && unanswered == null;
    }

    /** Drives the journey as far as the platform lets it; the follow-up only as far as it gets within {@code visitWait}. */
    void run(ApiClient api, Duration visitWait) throws InterruptedException {
        try {
            register();
            assigned = commands.send("supervisor1", ASSIGNMENT, "/api/cases", Map.of("petitionId", petitionId,
                    "department", department, "responsibleLeader", "Chaos Leader", "assignedOn", YEAR + "-06-15"), Map.of(),
                    true);
            String officer = OFFICERS.get(department);
            accepted = commands.send(officer, ASSIGNMENT, "/api/cases/" + petitionId + "/accept", null, Map.of(), false);
            if (planned == Outcome.CLOSED) {
                if (close()) {
                    ended = Outcome.CLOSED;
                    followUp(api, visitWait);
                }
            } else {
                ended = commands.send(officer, ASSIGNMENT, "/api/cases/" + petitionId + "/suspend",
                        Map.of("reason", "the parties settled", "suspendedOn", YEAR + "-06-20"), Map.of(), false)
                                ? Outcome.SUSPENDED : null;
            }
        } catch (Unanswered e) {
            unanswered = e.getMessage();
        }
    }

    private void register() throws InterruptedException {
        Map<String, Object> body = Map.of("channel", "LETTER", "receivedOn", YEAR + "-06-14", "receivedBy", "chaos",
                "petitioner", Map.of("name", "Chaos Writer"), "subject", "a lifecycle under fault injection",
                "involvesLawAndLitigation", true);
        String key = UUID.randomUUID().toString(); // a retry with the same key returns the first registration
        JsonNode[] result = new JsonNode[1];
        registered = commands.send("reception1", PETITION, "/api/petitions", body, Map.of("Idempotency-Key", key), false,
                result);
        if (!registered) {
            throw new Unanswered("registration refused: " + result[0]);
        }
        petitionId = result[0].get("id").asText();
    }

    private boolean close() throws InterruptedException {
        boolean closed = commands.send(OFFICERS.get(department), ASSIGNMENT, "/api/cases/" + petitionId + "/close",
                Map.of("resolution", "resolved under fault injection", "closedOn", CLOSED_ON.get(closures)), Map.of(), false);
        if (closed) {
            closures++;
        }
        return closed;
    }

    /**
     * Takes the closed case's follow-up as far as it gets within {@code wait}: completes each closure's return visit
     * once followup-service scheduled it and, for a journey that reopens, closes the case again once the dissatisfied
     * visit sent it back. A step the platform refused (a 409, say) is tried again at the next look, as staff would.
     * The audit calls it again until everything is done.
     */
    void followUp(ApiClient api, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                if (advance(api)) {
                    return;
                }
            } catch (IOException e) {
                // a service is away: look again
            } catch (Unanswered e) {
                unanswered = e.getMessage();
                return;
            }
            if (System.nanoTime() >= deadline) {
                return;
            }
            Thread.sleep(Commands.RETRY.toMillis()); // a deliberate, bounded poll interval
        }
    }

    /** Takes the steps of the follow-up that can be taken now; true when nothing is left to do. */
    private boolean advance(ApiClient api) throws IOException, InterruptedException {
        while (ended == Outcome.CLOSED && unanswered == null) {
            if (visitsCompleted < closures) {
                String visit = pendingVisit(api);
                if (visit == null || !completeVisit(visit)) {
                    return false; // not scheduled yet, or refused: look again
                }
            } else if (reopens && closures == 1) {
                if (!backWithDepartment(api)) {
                    return false;
                }
                reopened = true;
                if (!close()) {
                    return false;
                }
            } else {
                return true;
            }
        }
        return true;
    }

    private String pendingVisit(ApiClient api) throws IOException, InterruptedException {
        Answer visits = api.get("followup1", FOLLOWUP, "/api/return-visits?caseId=" + petitionId);
        for (JsonNode visit : visits.body().path("items")) {
            if (!"COMPLETED".equals(visit.path("status").asText())) {
                return visit.get("id").asText();
            }
        }
        return null;
    }

    /** The first visit of a journey that reopens finds the parties dissatisfied; every other visit, satisfied. */
    private boolean completeVisit(String visitId) throws InterruptedException {
        boolean dissatisfied = reopens && visitsCompleted == 0;
        Map<String, Object> outcome = Map.of("visitedOn", VISITED_ON.get(visitsCompleted), "visitor", "Chaos Visitor",
                "satisfaction", dissatisfied ? "DISSATISFIED" : "SATISFIED", "petitionerWithdraws", !dissatisfied,
                "reopen", dissatisfied);
        boolean completed = commands.send("followup1", FOLLOWUP, "/api/return-visits/" + visitId + "/complete", outcome,
                Map.of(), false);
        if (completed) {
            visitsCompleted++;
        }
        return completed;
    }

    private boolean backWithDepartment(ApiClient api) throws IOException, InterruptedException {
        Answer answer = api.get("supervisor1", ASSIGNMENT, "/api/cases/" + petitionId);
        return answer.status() == 200 && "ACCEPTED".equals(answer.body().path("status").asText());
    }
}
