package org.lettersvisits.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./platform seed}: loads the committee's year ({@code deploy/seed/seed-year.json}) into a
 * running platform through the REST APIs, as staff would: reception registers every petition, the
 * supervisor assigns the law-and-litigation ones (retrying while assignment-service has not yet
 * heard of the petition), the departments accept and close or suspend them, and the return-visit
 * officer completes the visits the file reports.
 */
public final class SeedLoader {

    private static final ObjectMapper JSON = ApiClient.JSON;
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofMillis(200);
    private static final Map<String, String> OFFICERS = Map.of("PUBLIC_SECURITY", "police1",
            "PROCURATORATE", "procurator1", "COURT", "judge1", "JUSTICE_BUREAU", "justice1");

    private final PrintStream out;
    private final ApiClient api;

    public SeedLoader(PlatformSettings settings, PrintStream out) {
        this.out = out;
        this.api = new ApiClient(settings);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        Path file = args.length > 0 ? Path.of(args[0]) : root.resolve("deploy/seed/seed-year.json");
        new SeedLoader(settings, System.out).load(file);
    }

    /** What was loaded: the file's {@code expect}, every case's id, and the deadlines of the cases left open. */
    /**
     * What was loaded: the file's {@code expect}, the case ids, the open cases' deadlines, and every case's deadline
     * with its seed entry (for checks of the board as of a past day).
     */
    public record Result(JsonNode expect, Set<String> caseIds, Map<String, LocalDate> openCaseDeadlines,
            Map<String, LocalDate> deadlines, Map<String, JsonNode> seedCases) {
    }

    private final Set<String> caseIds = new HashSet<>();
    private final Map<String, LocalDate> openCaseDeadlines = new HashMap<>();
    private final Map<String, LocalDate> deadlines = new HashMap<>();
    private final Map<String, JsonNode> seedCases = new HashMap<>();

    /** Loads the file. */
    public Result load(Path file) throws IOException, InterruptedException {
        JsonNode year = JSON.readTree(Files.readString(file));
        JsonNode cases = year.get("cases");
        JsonNode others = year.get("otherPetitions");
        int total = cases.size() + others.size();
        int done = 0;
        long started = System.nanoTime();
        for (JsonNode c : cases) {
            loadCase(c);
            progress(++done, total, started);
        }
        for (JsonNode p : others) {
            call("reception1", 0, "POST", "/api/petitions", p, 201);
            progress(++done, total, started);
        }
        out.println();
        out.printf("loaded %d petitions (%d cases) in %.1f s%n", total, cases.size(), (System.nanoTime() - started) / 1e9);
        return new Result(year.get("expect"), Set.copyOf(caseIds), Map.copyOf(openCaseDeadlines), Map.copyOf(deadlines),
                Map.copyOf(seedCases));
    }

    private void progress(int done, int total, long started) {
        out.printf("\rseeding the year: %d/%d petitions (%.0f s)", done, total, (System.nanoTime() - started) / 1e9);
        out.flush();
    }

    private void loadCase(JsonNode c) throws IOException, InterruptedException {
        String id = call("reception1", 0, "POST", "/api/petitions", c.get("petition"), 201).get("id").asText();
        ObjectNode assignment = ((ObjectNode) c.get("assignment").deepCopy());
        String department = assignment.get("department").asText();
        JsonNode transferFrom = assignment.remove("transferFrom");
        assignment.put("petitionId", id);
        if (transferFrom != null) {
            assignment.put("department", transferFrom.asText());
        }
        LocalDate deadline = LocalDate.parse(assignWhenKnown(assignment).get("deadline").asText());
        caseIds.add(id);
        deadlines.put(id, deadline);
        seedCases.put(id, c);
        if (transferFrom != null) {
            call("supervisor1", 1, "POST", "/api/cases/" + id + "/transfer",
                    JSON.createObjectNode().put("department", department).put("reason", "transferred at the enlarged meeting"), 200);
        }
        String officer = OFFICERS.get(department);
        // the seed names no day of acceptance: the department accepted on the day it was assigned the case
        call(officer, 1, "POST", "/api/cases/" + id + "/accept?acceptedOn=" + c.get("assignment").get("assignedOn").asText(),
                null, 200);
        JsonNode outcome = c.get("outcome");
        if (c.path("reopenedOnce").asBoolean(false)) {
            close(officer, id, outcome.get("on").asText(), "closed before the return visit");
            completeVisit(id, JSON.createObjectNode().put("satisfaction", "DISSATISFIED").put("petitionerWithdraws", false)
                    .put("visitor", "Return visit officer").put("reopen", true));
            awaitStatus(id, "ACCEPTED");
        }
        switch (outcome.get("status").asText()) {
            case "CLOSED" -> {
                close(officer, id, outcome.get("on").asText(), outcome.get("text").asText());
                if (c.hasNonNull("returnVisit")) {
                    completeVisit(id, (ObjectNode) c.get("returnVisit").deepCopy());
                }
            }
            case "SUSPENDED" -> call(officer, 1, "POST", "/api/cases/" + id + "/suspend", JSON.createObjectNode()
                    .put("reason", outcome.get("text").asText()).put("suspendedOn", outcome.get("on").asText()), 200);
            default -> openCaseDeadlines.put(id, deadline); // OPEN: stays with its department
        }
    }

    private void close(String officer, String id, String on, String resolution) throws IOException, InterruptedException {
        call(officer, 1, "POST", "/api/cases/" + id + "/close",
                JSON.createObjectNode().put("resolution", resolution).put("closedOn", on), 200);
    }

    /** Assigns once assignment-service knows the petition: it answers 404 until then, and clients retry. */
    private JsonNode assignWhenKnown(JsonNode assignment) throws IOException, InterruptedException {
        AtomicReference<ApiClient.Answer> response = new AtomicReference<>();
        Polling.until("assignment of petition " + assignment.get("petitionId").asText(), EVENTUAL, RETRY, () -> {
            response.set(api.post("supervisor1", ApiClient.ASSIGNMENT, "/api/cases", assignment));
            return response.get().status() != 404;
        });
        if (response.get().status() != 201) {
            throw new IllegalStateException("assigning failed: " + response.get().status() + " " + response.get().body());
        }
        return response.get().body();
    }

    /** Completes the pending return visit of a case once followup-service has scheduled it. */
    private void completeVisit(String caseId, ObjectNode body) throws IOException, InterruptedException {
        Polling.until("return visit of case " + caseId, EVENTUAL, RETRY, () -> {
            JsonNode visits = call("followup1", 2, "GET", "/api/return-visits?caseId=" + caseId, null, 200).get("items");
            for (JsonNode visit : visits) {
                if (!"COMPLETED".equals(visit.get("status").asText())) {
                    call("followup1", 2, "POST", "/api/return-visits/" + visit.get("id").asText() + "/complete", body, 200);
                    return true;
                }
            }
            return false;
        });
    }

    private void awaitStatus(String caseId, String status) throws IOException, InterruptedException {
        Polling.until("case " + caseId + " becoming " + status, EVENTUAL, RETRY,
                () -> call("supervisor1", 1, "GET", "/api/cases/" + caseId, null, 200).get("status").asText().equals(status));
    }

    private JsonNode call(String user, int service, String method, String path, JsonNode body, int expected)
            throws IOException, InterruptedException {
        ApiClient.Answer response = api.call(user, service, method, path, body, Map.of());
        if (response.status() != expected) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.status() + " "
                    + response.body());
        }
        return response.body();
    }
}
