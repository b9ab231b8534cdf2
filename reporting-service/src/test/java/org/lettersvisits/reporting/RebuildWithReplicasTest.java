package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.reporting.projection.Generations;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Rebuilds with several reporting instances: the claim lives in the database, so two rebuilds started
 * at once (two instances, or a retried request) make one rebuild; a rebuild whose instance died is
 * taken over once its lease has run out; and a leader reading during a swap sees the old report or
 * the new one, never half of one.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RebuildWithReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String YEAR = "?from=2019-01-01&to=2019-12-31";

    @Inject
    Pool pool;

    @Inject
    Generations generations;

    @BeforeEach
    void theYearIsPublished() {
        ReportingApiTest.publishTheYear();
        awaitNoRebuildRunning();
    }

    private static String summary() {
        return given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary" + YEAR).then()
                .statusCode(200).extract().asString();
    }

    private static int startRebuild() {
        return given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/projections/rebuild").then()
                .extract().statusCode();
    }

    private static String status() {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/projections/status").then()
                .extract().path("status");
    }

    private static void awaitNoRebuildRunning() {
        await().atMost(WAIT).until(() -> !"RUNNING".equals(status()));
    }

    @Test
    void two_rebuilds_started_at_once_make_one_and_the_report_comes_out_identical() {
        String before = summary();
        // hold the swap back, so the first rebuild is certainly still running when the second start arrives
        SqlConnection swapHolder = pool.getConnection().await().atMost(WAIT);
        Transaction holding = swapHolder.begin().await().atMost(WAIT);
        generations.lockForSwap(swapHolder).await().atMost(WAIT);
        try {
            List<CompletableFuture<Integer>> starts = List.of(
                    CompletableFuture.supplyAsync(RebuildWithReplicasTest::startRebuild),
                    CompletableFuture.supplyAsync(RebuildWithReplicasTest::startRebuild));

            assertThat(starts.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(202, 409);
            assertThat(status()).isEqualTo("RUNNING");
        } finally {
            holding.rollback().await().atMost(WAIT);
            swapHolder.close().await().atMost(WAIT);
        }
        await().atMost(WAIT).until(() -> "DONE".equals(status()));
        assertThat(summary()).isEqualTo(before);
    }

    @Test
    void a_rebuild_whose_instance_died_is_taken_over_once_its_lease_ran_out() {
        String before = summary();
        // what an instance killed mid-rebuild leaves behind: RUNNING, a claim nobody renews, some rows
        pool.query("""
                UPDATE projection_state SET status = 'RUNNING', claimed_by = 'reporting-killed',
                    building_generation = nextval('projection_generation'), lease_until = now() + interval '1 hour'
                WHERE id = 1""").execute().await().atMost(WAIT);
        pool.query("""
                INSERT INTO rm_case (generation, id, case_number, department, responsible_leader, first_assigned_on,
                                     deadline, status)
                SELECT building_generation, gen_random_uuid(), 'XF-HALF', 'COURT', 'L', '2019-03-06', '2019-04-06', 'ASSIGNED'
                FROM projection_state WHERE id = 1""").execute().await().atMost(WAIT);
        assertThat(startRebuild()).as("refused while the claim is live").isEqualTo(409);

        pool.query("UPDATE projection_state SET lease_until = now() - interval '1 second' WHERE id = 1").execute()
                .await().atMost(WAIT);
        assertThat(status()).isEqualTo("ABANDONED");

        assertThat(startRebuild()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "DONE".equals(status()));
        assertThat(summary()).isEqualTo(before);
        assertThat(pool.query("SELECT count(*) FROM rm_case WHERE case_number = 'XF-HALF'").execute().await().atMost(WAIT)
                .iterator().next().getLong(0)).as("the abandoned generation is gone").isZero();
    }

    @Test
    void a_leader_reading_while_generations_are_swapped_sees_a_whole_report() {
        String expected = summary();
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        CompletableFuture<Void> rebuilds = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    assertThat(startRebuild()).isEqualTo(202);
                    await().atMost(WAIT).until(() -> "DONE".equals(status()));
                }
            } finally {
                rebuilding.set(false);
            }
        });
        List<String> seen = new ArrayList<>();
        while (rebuilding.get()) {
            seen.add(summary());
        }
        rebuilds.join();

        assertThat(seen).hasSizeGreaterThan(3).allSatisfy(report -> assertThat(report).isEqualTo(expected));
    }
}
