package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard, the alert rules and docs/operations.md name only metrics the services register:
 * a renamed meter fails the build instead of leaving an empty panel or an alert that never fires.
 */
class OperationsArtifactsTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Pattern USED = Pattern.compile("lettersvisits_[a-z_]+");
    private static final Pattern REGISTERED = Pattern.compile("\"(lettersvisits(?:\\.[a-z]+)+)\"");

    /** The Prometheus names of the meters the services' code registers ({@code lettersvisits.cases.open} → {@code lettersvisits_cases_open}). */
    private static Set<String> registered() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .toList()) {
                Matcher meter = REGISTERED.matcher(Files.readString(file));
                while (meter.find()) {
                    names.add(meter.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    private static Set<String> used(String text) {
        Set<String> names = new TreeSet<>();
        Matcher name = USED.matcher(text);
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    @Test
    void dashboard_alerts_and_docs_name_only_registered_metrics() throws IOException {
        Set<String> registered = registered();
        assertThat(registered).contains("lettersvisits_outbox_backlog", "lettersvisits_cases_open", "lettersvisits_commands");

        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/letters-and-visits.json").toFile());
        assertThat(dashboard.get("panels")).isNotEmpty().allSatisfy(panel -> assertThat(panel.get("targets"))
                .isNotEmpty().allSatisfy(target -> assertThat(target.get("expr").asText()).isNotBlank()));
        for (String artifact : new String[] { "deploy/grafana/letters-and-visits.json", "deploy/prometheus/alerts.yml",
                "docs/operations.md" }) {
            Set<String> used = used(Files.readString(ROOT.resolve(artifact)));
            assertThat(used).as(artifact).isNotEmpty().allSatisfy(name -> assertThat(registered)
                    .as("%s names %s", artifact, name).anyMatch(name::startsWith));
        }
    }
}
