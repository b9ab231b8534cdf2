package org.lettersvisits.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.followup.metrics.ReturnVisitMetrics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The worklist as metrics, read from the database: pending and overdue return visits. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReturnVisitMetricsTest {

    @Inject
    ReturnVisitMetrics metrics;


    private static double visits(String status) {
        return ScrapedMetrics.scrape().sum("lettersvisits_return_visits", Map.of("status", status));
    }

    @Test
    void pending_and_overdue_return_visits_are_counted() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        UUID inTime = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        ReturnVisitApiTest.close(inTime, today.minusDays(1), UUID.randomUUID()); // due in 14 days
        ReturnVisitApiTest.close(late, today.minusDays(60), UUID.randomUUID()); // due 45 days ago
        String pendingVisit = ReturnVisitApiTest.visitsOf(inTime, 1).getString("items[0].id");
        String overdueVisit = ReturnVisitApiTest.visitsOf(late, 1).getString("items[0].id");
        metrics.refresh().await().atMost(Duration.ofSeconds(10)); // the gauges read now, not at the next 10 s tick
        double pending = visits("pending");
        double overdue = visits("overdue");
        assertThat(pending).as("pending visits, ours among them").isGreaterThanOrEqualTo(1);
        assertThat(overdue).as("overdue visits, ours among them").isGreaterThanOrEqualTo(1);

        // the visit in time is done: one pending fewer, the overdue ones as they were
        ReturnVisitApiTest.complete(pendingVisit, Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED",
                "petitionerWithdraws", true, "visitedOn", today.toString())).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(visits("pending"))
                .as("pending after completing one").isEqualTo(pending - 1));
        assertThat(visits("overdue")).as("overdue after completing a pending visit").isEqualTo(overdue);

        // and the late one: one overdue fewer
        ReturnVisitApiTest.complete(overdueVisit, Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED",
                "petitionerWithdraws", true, "visitedOn", today.toString())).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(visits("overdue"))
                .as("overdue after completing one").isEqualTo(overdue - 1));
        assertThat(visits("pending")).as("pending after completing an overdue visit").isEqualTo(pending - 1);
        assertThat(ScrapedMetrics.scrape().sum("lettersvisits_outbox_backlog")).as("outbox backlog").isGreaterThanOrEqualTo(0);
    }
}
