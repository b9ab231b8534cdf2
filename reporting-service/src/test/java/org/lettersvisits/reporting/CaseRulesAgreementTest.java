package org.lettersvisits.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.reporting.summary.ReportQueries;
import org.lettersvisits.reporting.summary.Summary;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.RuleCases;
import org.lettersvisits.testsupport.RuleCases.LeadershipCase;
import org.lettersvisits.testsupport.RuleCases.ReturnVisitCase;
import org.lettersvisits.testsupport.RuleCases.StatutoryCase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rules as the reports count them, asked about the cases every service is asked about ({@link RuleCases}): closed,
 * overdue by the leadership deadline, closed within and past the statutory limit, return visits overdue. The cases are
 * rows of a generation of the read models no other test uses, so the counts are theirs alone and must equal the counts
 * of the answers worked out by hand.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseRulesAgreementTest {

    private static final int GENERATION = 424_242;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LocalDate DAY = RuleCases.STATUTORY_DAY;

    @Inject
    Pool pool;

    @Inject
    ReportQueries queries;

    @AfterEach
    void removeTheRuleCases() {
        for (String table : List.of("rm_case", "rm_return_visit")) {
            pool.preparedQuery("DELETE FROM " + table + " WHERE generation = $1").execute(Tuple.of(GENERATION))
                    .await().atMost(WAIT);
        }
    }

    @Test
    void the_summary_counts_the_rule_cases_closed_and_overdue_as_worked_out_by_hand() {
        List<LeadershipCase> cases = RuleCases.leadership(DAY);
        cases.forEach(c -> storeCase(c.id(), c.status().name(), RuleCases.LEADERSHIP_ASSIGNED_ON, c.deadline(), null, 0,
                null, null));

        Summary.Counts total = summaryOn(RuleCases.LEADERSHIP_ASSIGNED_ON, RuleCases.LEADERSHIP_ASSIGNED_ON).total();

        assertThat(total.received()).isEqualTo(cases.size());
        assertThat(total.closed()).isEqualTo(cases.stream().filter(LeadershipCase::closed).count()).isPositive();
        assertThat(total.overdue()).isEqualTo(cases.stream().filter(LeadershipCase::overdue).count()).isPositive();
    }

    @Test
    void the_summary_counts_the_rule_cases_within_and_past_their_statutory_limit_as_worked_out_by_hand() {
        RuleCases.STATUTORY.forEach(c -> storeCase(c.id(), c.status().name(), c.assignedOn(), c.assignedOn().plusDays(30),
                c.acceptedOn(), c.extensionDays(), c.closedOn(), c.reviewRequestedOn()));

        Summary.Counts total = summaryOn(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).total();

        assertThat(total.closedWithinStatutoryLimit()).isEqualTo(RuleCases.STATUTORY.stream().filter(StatutoryCase::kept)
                .count()).isPositive();
        assertThat(total.statutoryOverdue()).isEqualTo(RuleCases.STATUTORY.stream().filter(StatutoryCase::past).count())
                .isPositive();
    }

    @Test
    void the_summary_counts_the_rule_return_visits_overdue_as_worked_out_by_hand() {
        List<ReturnVisitCase> visits = RuleCases.returnVisits(DAY);
        visits.forEach(v -> pool.preparedQuery("""
                INSERT INTO rm_return_visit (generation, id, case_id, department, closed_on, due_by, completed, version)
                VALUES ($1, $2, $2, 'COURT', $3, $4, $5, 1)""")
                .execute(Tuple.of(GENERATION, v.id(), RuleCases.LEADERSHIP_ASSIGNED_ON, v.dueBy(), v.completed()))
                .await().atMost(WAIT));

        Summary.ReturnVisits counted = summaryOn(RuleCases.LEADERSHIP_ASSIGNED_ON, RuleCases.LEADERSHIP_ASSIGNED_ON)
                .returnVisits();

        assertThat(counted.scheduled()).isEqualTo(visits.size());
        assertThat(counted.overdue()).isEqualTo(visits.stream().filter(ReturnVisitCase::overdue).count()).isPositive();
    }

    private Summary summaryOn(LocalDate from, LocalDate to) {
        return queries.summaryOf(pool, GENERATION, from, to, DAY, java.util.Optional.empty()).await().atMost(WAIT);
    }

    private void storeCase(java.util.UUID id, String status, LocalDate assignedOn, LocalDate deadline, LocalDate acceptedOn,
            int extensionDays, LocalDate closedOn, LocalDate reviewRequestedOn) {
        pool.preparedQuery("""
                INSERT INTO rm_case (generation, id, case_number, department, responsible_leader, first_assigned_on,
                                     deadline, status, version, accepted_on, extension_days, closed_on, review_requested_on)
                VALUES ($1, $2, 'XF-RULE', 'COURT', 'Leader', $3, $4, $5, 1, $6, $7, $8, $9)""")
                .execute(Tuple.from(Arrays.asList(GENERATION, id, assignedOn, deadline, status, acceptedOn, extensionDays,
                        closedOn, reviewRequestedOn)))
                .await().atMost(WAIT);
    }
}
