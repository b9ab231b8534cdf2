package org.lettersvisits.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;
import static org.lettersvisits.assignment.CaseLifecycleApiTest.post;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lettersvisits.assignment.domain.CaseCommand.MarkOverdue;
import org.lettersvisits.assignment.domain.CaseCommand;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * A command sent without {@code If-Match} that loses the append race to a background writer is decided again on
 * the newer state, not refused: the user caused no conflict.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LostRaceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases;

    /** Whether some session of the service's database waits for a lock (here: for the watcher's version to commit). */
    private boolean someoneWaitsForALock() {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                .execute().await().atMost(WAIT).iterator().next().getLong(0) > 0;
    }

    @Test
    void a_close_that_loses_the_append_to_the_overdue_watcher_is_recorded_after_it_not_refused() throws Exception {
        UUID id = assignedCase("PUBLIC_SECURITY");
        post(Users.POLICE, id, "accept", null, null).statusCode(200); // version 2

        SqlConnection watcherSession = pool.getConnection().await().atMost(WAIT);
        try {
            // the overdue watcher appends version 3 and has not committed yet (its pass looks at a day past the
            // deadline, so the service's own scheduled watcher, which looks at today, cannot get in the way)
            Transaction watcher = watcherSession.begin().await().atMost(WAIT);
            var marked = cases.handle(watcherSession, id, new MarkOverdue(LocalDate.of(2099, 1, 4)), 2,
                    EventMetadata.ofSystem("overdue-watcher")).await().atMost(WAIT);
            assertThat(marked.recorded()).hasSize(1);

            // the department closes the case meanwhile, pinning no version: its append of version 3 waits for the watcher
            CompletableFuture<ExtractableResponse<Response>> close = CompletableFuture.supplyAsync(() -> post(Users.POLICE,
                    id, "close", Map.of("resolution", "resolved according to law"), null).extract());
            Awaitility.await().atMost(WAIT).until(this::someoneWaitsForALock);

            watcher.commit().await().atMost(WAIT); // the watcher wins version 3

            ExtractableResponse<Response> answer = close.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.path("status").toString()).isEqualTo("CLOSED");
            assertThat(answer.header("ETag")).isEqualTo("\"4\"");
        } finally {
            watcherSession.close().await().atMost(WAIT);
        }
        assertThat(cases.load(pool, id).await().atMost(WAIT).history())
                .extracting(event -> EventCodec.typeOf(event.event().getClass()))
                .containsExactly("case.assigned.v1", "case.accepted.v1", "case.became-overdue.v1", "case.closed.v1");
    }

    @Test
    void a_command_that_pinned_its_version_and_lost_is_told_the_case_changed_since_it_was_loaded() {
        UUID id = assignedCase("COURT");
        pool.withTransaction(tx -> cases.handle(tx, id, new MarkOverdue(LocalDate.of(2099, 1, 4)), 1,
                EventMetadata.ofSystem("overdue-watcher"))).await().atMost(WAIT);

        String detail = post(Users.JUDGE, id, "accept", null, "\"1\"").statusCode(412)
                .contentType("application/problem+json").extract().path("detail");
        assertThat(detail).contains("changed since you loaded it").contains("expected version 1, found 2");
    }
}
