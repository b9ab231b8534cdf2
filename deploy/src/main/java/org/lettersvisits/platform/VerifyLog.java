package org.lettersvisits.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.lettersvisits.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./platform verify-log}: against a running platform, asks each service that owns an event log
 * ({@code GET /api/admin/integrity}, as admin1) whether its log is intact, prints the first broken link if not and
 * every problem the report names, and beside it what the launcher's copy of the service's signed anchors holds
 * ({@link AnchorArchive}). Exit status 0 when every log is intact, 1 when one is broken, 2 when a service does not
 * answer.
 */
public final class VerifyLog {

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int UNANSWERED = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Checking a long log recomputes every hash: give it time. */
    private static final Duration ANSWER_WITHIN = Duration.ofMinutes(5);

    private final PlatformSettings settings;
    private final Path anchors;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public VerifyLog(PlatformSettings settings, Path anchors) {
        this.settings = settings;
        this.anchors = anchors;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        System.exit(new VerifyLog(settings, settings.anchorsDir()).verify(System.out));
    }

    /** The services that keep an event log: the owners of the event topics. */
    static List<PlatformSettings.Service> owners(PlatformSettings settings) {
        List<String> owners = Topics.ALL.stream().map(topic -> Topics.ownerOf(topic).orElseThrow()).toList();
        return settings.services().stream().filter(s -> owners.contains(s.module())).toList();
    }

    /** Checks every owner's log, prints what it found, and returns the exit status. */
    public int verify(PrintStream out) throws InterruptedException {
        String token;
        try {
            token = Tokens.passwordGrant(http, settings, "admin1");
        } catch (IOException | IllegalStateException e) {
            out.println("no token for admin1 from " + settings.issuer() + ": " + e.getMessage());
            return UNANSWERED;
        }
        int status = INTACT;
        for (PlatformSettings.Service service : owners(settings)) {
            status = Math.max(status, verify(service, token, out));
            out.println("  " + anchorCopy(service));
        }
        out.println(switch (status) {
            case INTACT -> "every event log is intact";
            case BROKEN -> "an event log is broken";
            default -> "a service did not answer";
        });
        return status;
    }

    private int verify(PlatformSettings.Service service, String token, PrintStream out) throws InterruptedException {
        JsonNode report;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/admin/integrity"))
                    .timeout(ANSWER_WITHIN).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                out.println(service.module() + ": did not answer the integrity check (" + response.statusCode() + " "
                        + response.body() + ")");
                return UNANSWERED;
            }
            report = JSON.readTree(response.body());
        } catch (IOException e) {
            out.println(service.module() + ": did not answer at " + service.baseUrl() + " (" + e + ")");
            return UNANSWERED;
        }
        List<String> problems = problems(report);
        if (report.path("ok").asBoolean(false) && problems.isEmpty()) {
            out.printf("%s: intact (%d events in %d streams, %d anchors)%n", service.module(),
                    report.path("checked").asLong(), report.path("streams").asLong(), report.path("anchors").asLong());
            return INTACT;
        }
        out.printf("%s: BROKEN (%d broken events of %d checked)%n", service.module(), report.path("brokenEvents").asLong(),
                report.path("checked").asLong());
        JsonNode first = report.path("firstBroken");
        if (first.isObject()) {
            out.printf("  first broken link: stream %s, version %s, position %s: %s%n", first.path("aggregateId").asText(),
                    first.path("version").asText(), first.path("position").asText(), first.path("problem").asText());
        }
        problems.forEach(problem -> out.println("  " + problem));
        return BROKEN;
    }

    /**
     * Every field of the report, at any depth, whose name ends in {@code Problem} or {@code problems} and which holds
     * something (the first broken event's own {@code problem} is printed with it): {@code anchorProblem}, and whatever
     * the services add (the access log's, the anchors kept outside the database).
     */
    static List<String> problems(JsonNode report) {
        List<String> problems = new ArrayList<>();
        collect("", report, problems);
        return problems;
    }

    private static void collect(String path, JsonNode node, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = path + field.getKey();
            JsonNode value = field.getValue();
            boolean problem = field.getKey().endsWith("Problem") || field.getKey().toLowerCase().endsWith("problems");
            if (problem && !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                    && !(value.isTextual() && value.asText().isBlank())) {
                problems.add(name + ": " + (value.isTextual() ? value.asText() : value.toString()));
            } else if (value.isObject()) {
                collect(name + ".", value, problems);
            }
        }
    }

    private String anchorCopy(PlatformSettings.Service service) {
        try {
            AnchorArchive.Summary copy = AnchorArchive.summary(anchors, service.module());
            if (copy.anchors() == 0) {
                return "anchors kept outside: none yet in " + copy.file();
            }
            JsonNode last = copy.last().orElseThrow();
            return String.format("anchors kept outside: %d in %s, the last id %s, hash %s", copy.anchors(), copy.file(),
                    last.path("id").asText("?"), last.path("hash").asText("?"));
        } catch (IOException e) {
            return "anchors kept outside: cannot read them (" + e.getMessage() + ")";
        }
    }
}
