package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.assignment.overdue.OverdueWatcher;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.RuleCases;
import org.lettersvisits.testsupport.RuleCases.LeadershipCase;
import org.lettersvisits.testsupport.RuleCases.StatutoryCase;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rules as assignment-service shows them, asked about the cases every service is asked about ({@link RuleCases}):
 * the overdue list, a department's queue (overdue, days overdue, statutory handling deadline of each case) and the
 * overdue watcher's choice must give the answers worked out by hand. The cases are rows of the queue's table, so this
 * reads exactly what the queries read.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseRulesAgreementTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    OverdueWatcher watcher;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @AfterEach
    void removeTheRuleCases() {
        List<UUID> ids = Stream.concat(RuleCases.leadership(today).stream().map(LeadershipCase::id),
                RuleCases.STATUTORY.stream().map(StatutoryCase::id)).toList();
        pool.preparedQuery("DELETE FROM case_view WHERE id = ANY($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .await().atMost(WAIT);
    }

    @Test
    void the_overdue_list_the_queue_and_the_watcher_agree_with_the_rule_cases_on_overdue() {
        List<LeadershipCase> cases = RuleCases.leadership(today);
        cases.forEach(c -> store(c.id(), c.status().name(), RuleCases.LEADERSHIP_ASSIGNED_ON, c.deadline(), null, 0));

        JsonPath overdueList = given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/overdue")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Long> listed = ruleCasesIn(overdueList, "", "daysOverdue");
        assertThat(listed).isEqualTo(cases.stream().filter(LeadershipCase::overdue)
                .collect(Collectors.toMap(c -> c.id().toString(), LeadershipCase::daysOverdue)));

        JsonPath queue = courtQueue();
        for (LeadershipCase c : cases) {
            String item = "items.find { it.id == '" + c.id() + "' }";
            assertThat(queue.getBoolean(item + ".overdue")).as(c.name()).isEqualTo(c.overdue());
            assertThat(queue.getLong(item + ".daysOverdue")).as(c.name()).isEqualTo(c.daysOverdue());
        }

        List<UUID> toMark = watcher.newlyOverdue(today).await().atMost(WAIT).stream().map(OverdueWatcher.Due::id).toList();
        assertThat(cases).allSatisfy(c -> assertThat(toMark.contains(c.id())).as(c.name()).isEqualTo(c.overdue()));
    }

    @Test
    void the_queue_shows_the_statutory_handling_deadline_of_the_rule_cases() {
        RuleCases.STATUTORY.forEach(c -> store(c.id(), c.status().name(), c.assignedOn(), c.assignedOn().plusDays(30),
                c.acceptedOn(), c.extensionDays()));

        JsonPath queue = courtQueue();

        assertThat(RuleCases.STATUTORY).allSatisfy(c -> assertThat(queue.getString(
                "items.find { it.id == '" + c.id() + "' }.statutoryHandlingDue.date")).as(c.name())
                .isEqualTo(c.handlingDue().toString()));
    }

    private JsonPath courtQueue() {
        return given().header("Authorization", Users.SUPERVISOR.bearer())
                .queryParam("status", "ALL").queryParam("size", 100).queryParam("q", "a rule case")
                .get("/api/queues/court").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> ruleCasesIn(JsonPath list, String path, String value) {
        List<Map<String, Object>> rows = list.getList(path.isEmpty() ? "$" : path);
        return rows.stream().filter(row -> String.valueOf(row.get("caseNumber")).startsWith("XF-RULE"))
                .collect(Collectors.toMap(row -> row.get("id").toString(), row -> ((Number) row.get(value)).longValue()));
    }

    private void store(UUID id, String status, LocalDate assignedOn, LocalDate deadline, LocalDate acceptedOn,
            int extensionDays) {
        pool.preparedQuery("""
                INSERT INTO case_view (id, petition_id, case_number, subject, department, responsible_leader, difficulty,
                                       assigned_on, deadline, status, version, accepted_on, extension_days)
                VALUES ($1, $1, $2, 'a rule case', 'COURT', 'Leader', 'ROUTINE', $3, $4, $5, 1, $6, $7)""")
                .execute(Tuple.from(Arrays.asList(id, "XF-RULE-" + id.toString().substring(24), assignedOn, deadline, status,
                        acceptedOn, extensionDays)))
                .await().atMost(WAIT);
    }
}
