package org.lettersvisits.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.assignment.metrics.CaseMetrics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Leaders' figures as metrics: open and overdue cases per department, and the days to 15 December. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseMetricsTest {

    @Inject
    CaseMetrics metrics;

    /** The gauges are read from the case view every 10 s: a reading after this long includes every change before it. */

    private static double gauge(String name, String department) {
        return ScrapedMetrics.scrape().sum(name, Map.of("department", department));
    }

    private static void close(Users officer, UUID caseId) {
        CaseLifecycleApiTest.post(officer, caseId, "close", Map.of("resolution", "resolved according to law"), null)
                .statusCode(200);
    }

    @Test
    void open_and_overdue_cases_are_counted_per_department_and_closing_one_takes_it_off() {
        double assignmentsBefore = Math.max(0, ScrapedMetrics.scrape().sum("lettersvisits_commands_seconds_count",
                Map.of("command", "AssignCase", "outcome", "recorded")));
        UUID inTime = CaseFixtures.publishedPetition(true);
        CaseFixtures.assign(inTime, "PROCURATORATE", Map.of("assignedOn", "2026-10-14", "deadline", "2099-01-01"))
                .statusCode(201);
        UUID late = CaseFixtures.publishedPetition(true);
        CaseFixtures.assign(late, "JUSTICE_BUREAU", Map.of("assignedOn", "2026-01-05", "deadline", "2026-01-10"))
                .statusCode(201);
        assertThat(ScrapedMetrics.scrape().sum("lettersvisits_commands_seconds_count", Map.of("command", "AssignCase",
                "outcome", "recorded"))).as("assignments recorded").isGreaterThanOrEqualTo(assignmentsBefore + 2);
        metrics.refresh().await().atMost(Duration.ofSeconds(10)); // the gauges read now, not at the next 10 s tick
        double openProcuratorate = gauge("lettersvisits_cases_open", "PROCURATORATE");
        double overdueProcuratorate = gauge("lettersvisits_cases_overdue", "PROCURATORATE");
        double openJustice = gauge("lettersvisits_cases_open", "JUSTICE_BUREAU");
        double overdueJustice = gauge("lettersvisits_cases_overdue", "JUSTICE_BUREAU");
        assertThat(openProcuratorate).as("open cases of the procuratorate, ours among them").isGreaterThanOrEqualTo(1);
        assertThat(overdueJustice).as("overdue cases of the justice bureau, ours among them").isGreaterThanOrEqualTo(1);

        close(Users.PROCURATOR, inTime); // in time: one open fewer, no overdue fewer
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gauge("lettersvisits_cases_open",
                "PROCURATORATE")).as("open cases of the procuratorate after closing one").isEqualTo(openProcuratorate - 1));
        assertThat(gauge("lettersvisits_cases_overdue", "PROCURATORATE")).as("overdue cases of the procuratorate")
                .isEqualTo(overdueProcuratorate);

        close(Users.JUSTICE, late); // past its deadline: one open and one overdue fewer
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gauge("lettersvisits_cases_overdue",
                "JUSTICE_BUREAU")).as("overdue cases of the justice bureau after closing one").isEqualTo(overdueJustice - 1));
        assertThat(gauge("lettersvisits_cases_open", "JUSTICE_BUREAU")).as("open cases of the justice bureau")
                .isEqualTo(openJustice - 1);
    }

    @Test
    void the_days_to_the_difficult_cases_deadline_count_down_to_15_december() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long expected = ChronoUnit.DAYS.between(today, LocalDate.of(today.getYear(), 12, 15));
        double days = ScrapedMetrics.scrape().sum("lettersvisits_days_to_year_end_deadline");
        // read a moment apart: the day may turn in between
        assertThat(days).isIn((double) expected, (double) expected - 1);
    }
}
