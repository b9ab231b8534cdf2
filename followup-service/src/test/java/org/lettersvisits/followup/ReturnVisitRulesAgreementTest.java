package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.followup.worklist.ReturnVisitQueries;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.RuleCases;
import org.lettersvisits.testsupport.RuleCases.ReturnVisitCase;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The overdue rule of return visits as followup-service shows it, asked about the return visits every service is asked
 * about ({@link RuleCases}): the worklist's status of each and the watcher's choice of what to mark must give the
 * answers worked out by hand.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReturnVisitRulesAgreementTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    ReturnVisitQueries queries;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final List<ReturnVisitCase> visits = RuleCases.returnVisits(today);

    @AfterEach
    void removeTheRuleVisits() {
        pool.preparedQuery("DELETE FROM return_visit_view WHERE id = ANY($1)")
                .execute(Tuple.of(visits.stream().map(ReturnVisitCase::id).toArray(UUID[]::new))).await().atMost(WAIT);
    }

    @Test
    void the_worklist_and_the_watcher_agree_with_the_rule_visits_on_overdue() {
        visits.forEach(v -> pool.preparedQuery("""
                INSERT INTO return_visit_view (id, case_id, case_number, department, closed_on, due_by, completed, version)
                VALUES ($1, $1, 'XF-RULE', 'COURT', $2, $3, $4, 1)""")
                .execute(Tuple.of(v.id(), v.dueBy().minusDays(15), v.dueBy(), v.completed())).await().atMost(WAIT));

        for (ReturnVisitCase v : visits) {
            String status = given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("caseId", v.id())
                    .get("/api/return-visits").then().statusCode(200).extract().jsonPath().getString("items[0].status");
            assertThat(status).as(v.name()).isEqualTo(v.completed() ? "COMPLETED" : v.overdue() ? "OVERDUE" : "PENDING");
        }
        List<UUID> toMark = queries.newlyOverdue(today).await().atMost(WAIT).stream()
                .map(ReturnVisitQueries.WorklistItem::id).toList();
        assertThat(visits).allSatisfy(v -> assertThat(toMark.contains(v.id())).as(v.name()).isEqualTo(v.overdue()));
    }
}
