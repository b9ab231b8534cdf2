package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.assignment.CaseFixtures.assign;
import static org.lettersvisits.assignment.CaseFixtures.publishedPetition;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.assignment.overdue.OverdueWatcher;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OverdueWatcherTest {

    @Inject
    OverdueWatcher watcher;

    @Inject
    Pool pool;

    private long overdueEvents(UUID caseId) {
        return pool.preparedQuery("SELECT count(*) FROM event WHERE aggregate_id = $1 AND type = 'case.became-overdue.v1'")
                .execute(Tuple.of(caseId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static UUID caseDue(String deadline) {
        UUID id = publishedPetition(true);
        assign(id, "COURT", Map.of("assignedOn", "2026-01-05", "deadline", deadline)).statusCode(201);
        return id;
    }

    @Test
    void two_watchers_at_once_record_case_became_overdue_exactly_once() {
        UUID id = caseDue("2026-01-10");

        List<Integer> results = Uni.join().all(watcher.checkOnce(), watcher.checkOnce()).andFailFast()
                .await().atMost(Duration.ofSeconds(30));
        watcher.checkOnce().await().atMost(Duration.ofSeconds(30)); // and once more later: still nothing new

        assertThat(overdueEvents(id)).isEqualTo(1);
        assertThat(results.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
        given().header("Authorization", Users.LEADER.bearer()).get("/api/cases/" + id).then()
                .body("overdue", equalTo(true));
    }

    @Test
    void the_overdue_list_shows_open_cases_past_their_deadline_most_overdue_first() {
        UUID older = caseDue("2026-01-06");
        UUID newer = caseDue("2026-02-06");
        UUID closed = caseDue("2026-01-07");
        given().header("Authorization", Users.JUDGE.bearer()).contentType("application/json")
                .body(Map.of("resolution", "solved")).post("/api/cases/" + closed + "/close").then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        var overdue = given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/overdue")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = overdue.getList("id");

        assertThat(ids).contains(older.toString(), newer.toString()).doesNotContain(closed.toString());
        assertThat(ids.indexOf(older.toString())).isLessThan(ids.indexOf(newer.toString()));
        assertThat(overdue.getLong("find { it.id == '" + older + "' }.daysOverdue"))
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2026, 1, 6), today));
    }

    @Test
    void a_case_that_cannot_be_marked_does_not_keep_the_others_from_being_marked() {
        UUID broken = UUID.randomUUID(); // a view row with no events behind it: marking it fails every time
        pool.preparedQuery("""
                INSERT INTO case_view (id, petition_id, case_number, subject, department, responsible_leader, difficulty,
                                       assigned_on, deadline, status, version)
                VALUES ($1, $1, 'XF-BROKEN', 'no events', 'COURT', 'Leader', 'ROUTINE', '2025-01-01', '2025-01-02',
                        'ASSIGNED', 1)""").execute(Tuple.of(broken)).await().atMost(Duration.ofSeconds(10));
        try {
            UUID id = caseDue("2026-01-11"); // due after the broken one, so the pass meets the broken one first

            int marked = watcher.checkOnce().await().atMost(Duration.ofSeconds(30));

            assertThat(marked).isGreaterThanOrEqualTo(1);
            assertThat(overdueEvents(id)).isEqualTo(1);
            assertThat(overdueEvents(broken)).isZero();
        } finally {
            pool.preparedQuery("DELETE FROM case_view WHERE id = $1").execute(Tuple.of(broken)).await()
                    .atMost(Duration.ofSeconds(10));
        }
    }
}
