package org.lettersvisits.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The worklist as metrics, read from the database: pending and overdue return visits. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReturnVisitMetricsTest {

    @Test
    void pending_and_overdue_return_visits_are_counted() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ScrapedMetrics metrics = ScrapedMetrics.scrape();
            assertThat(metrics.sum("lettersvisits_return_visits", Map.of("status", "pending"))).isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum("lettersvisits_return_visits", Map.of("status", "overdue"))).isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum("lettersvisits_outbox_backlog")).isGreaterThanOrEqualTo(0);
        });
    }
}
