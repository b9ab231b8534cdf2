package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lettersvisits.platform.benchmark.Benchmark;
import org.lettersvisits.platform.benchmark.StoredHistory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./platform benchmark --smoke} against the end-to-end platform, so the command cannot rot: every
 * measurement runs and lands in the JSON. No figure is asserted (figures belong to the benchmark, not to tests);
 * only that registrations under concurrent load all succeed and every service instance is found.
 */
@ExtendWith(SharedPlatform.class)
class BenchmarkSmokeIT {

    @Test
    void the_benchmark_runs_every_measurement_and_writes_its_table() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        long stored = StoredHistory.fillTo(settings, 0);
        assertThat(StoredHistory.fillTo(settings, stored + 30)).as("history loaded in bulk").isGreaterThanOrEqualTo(stored + 30);
        // received in 2024, a year no other end-to-end test counts (the seed year is 2026, journeys use 2025)
        Benchmark.Report report = Benchmark.run(settings, new Benchmark.Sizes(20, List.of(10), 2, 400, 0),
                LocalDate.of(2024, 11, 27), System.out);
        Path written = Benchmark.write(settings, report);

        assertThat(report.intake()).extracting(i -> i.connections()).containsExactly(1, 8, 32);
        assertThat(report.intake()).allSatisfy(i -> {
            assertThat(i.registrations()).isEqualTo(20);
            assertThat(i.errors()).as("registrations refused under load").isZero();
        });
        assertThat(report.rawInsert()).extracting(r -> r.connections()).containsExactly(1, 8);
        assertThat(report.rawKafka().operations()).isPositive();
        assertThat(report.services()).hasSize(settings.services().size() * settings.replicas());
        assertThat(report.reportLag()).singleElement().satisfies(lag -> {
            assertThat(lag.registrations()).isEqualTo(20);
            assertThat(lag.errors()).as("registrations refused at a steady rate").isZero();
            assertThat(lag.p99Millis()).as("the lag is measured for every petition").isGreaterThanOrEqualTo(lag.p50Millis());
        });
        assertThat(report.drains()).as("the producer and each of the five consumers").hasSize(6)
                .allSatisfy(drain -> assertThat(drain.events()).isGreaterThanOrEqualTo(100));
        assertThat(report.rebuild().replayed()).as("the rebuild replayed the whole log")
                .isGreaterThanOrEqualTo(report.rebuild().storedEvents());
        assertThat(report.postgres()).containsKeys("fsync", "synchronous_commit");
        assertThat(report.storedEvents()).as("petition-service's stored events, counted").isPositive();
        assertThat(report.ratios()).containsKeys("intake/raw insert at 1", "intake/raw insert at 8");

        JsonNode json = new ObjectMapper().readTree(written.toFile());
        assertThat(json.path("intake")).hasSize(3);
        assertThat(json.path("drains")).hasSize(6);
        assertThat(Files.readString(written.resolveSibling("latest.json"))).isEqualTo(Files.readString(written));
    }
}
