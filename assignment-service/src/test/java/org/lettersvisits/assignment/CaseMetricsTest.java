package org.lettersvisits.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Leaders' figures as metrics: open and overdue cases per department, and the days to 15 December. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseMetricsTest {

    @Test
    void an_assigned_case_counts_as_open_for_its_department() {
        double before = ScrapedMetrics.scrape().sum("lettersvisits_cases_open", Map.of("department", "PROCURATORATE"));

        CaseFixtures.assignedCase("PROCURATORATE");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ScrapedMetrics metrics = ScrapedMetrics.scrape();
            assertThat(metrics.sum("lettersvisits_cases_open", Map.of("department", "PROCURATORATE")))
                    .as("open cases of the procuratorate").isGreaterThanOrEqualTo(Math.max(before, 0) + 1);
            assertThat(metrics.sum("lettersvisits_cases_overdue", Map.of("department", "COURT"))).as("overdue")
                    .isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum("lettersvisits_days_to_year_end_deadline")).as("days").isBetween(-366.0, 366.0);
            assertThat(metrics.sum("lettersvisits_commands_seconds_count", Map.of("command", "AssignCase", "outcome", "recorded")))
                    .as("assignments recorded").isGreaterThanOrEqualTo(1);
        });
    }
}
