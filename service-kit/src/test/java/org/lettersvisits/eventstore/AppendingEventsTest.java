package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.Letters.Answered;
import org.lettersvisits.eventstore.Letters.LetterEvent;
import org.lettersvisits.eventstore.Letters.Received;
import org.lettersvisits.kit.KitDatabase;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/** The event store on a real PostgreSQL: what an append stores and queues, and what two writers at once get. */
class AppendingEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EventStore store = Letters.store();
    private final EventMetadata clerk = new EventMetadata("clerk.wang", UUID.randomUUID(), null);
    private KitDatabase db;

    @BeforeEach
    void database() {
        db = KitDatabase.fresh();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Uni<List<StoredEvent<LetterEvent>>> append(SqlClient tx, UUID letter, int at, LetterEvent... events) {
        return store.append(tx, Letters.AGGREGATE, letter, at, List.of(events), clerk, Letters.TOPIC);
    }

    @Test
    void appended_events_come_back_in_order_with_their_versions_and_who_caused_them() {
        UUID letter = UUID.randomUUID();
        db.pool().withTransaction(tx -> append(tx, letter, 0, new Received(letter, "Li Hua"))).await().atMost(PATIENCE);
        db.pool().withTransaction(tx -> append(tx, letter, 1, new Answered(letter, "forwarded to housing"),
                new Answered(letter, "housing replied"))).await().atMost(PATIENCE);

        List<StoredEvent<LetterEvent>> history = store.load(db.pool(), letter, LetterEvent.class).await().atMost(PATIENCE);

        assertThat(history).extracting(StoredEvent::version).containsExactly(1, 2, 3);
        assertThat(history).extracting(StoredEvent::event).containsExactly(new Received(letter, "Li Hua"),
                new Answered(letter, "forwarded to housing"), new Answered(letter, "housing replied"));
        assertThat(history).extracting(StoredEvent::type)
                .containsExactly("test.letter.received.v1", "test.letter.answered.v1", "test.letter.answered.v1");
        assertThat(history).allSatisfy(event -> {
            assertThat(event.aggregateId()).isEqualTo(letter);
            assertThat(event.metadata().actor()).isEqualTo("clerk.wang");
            assertThat(event.metadata().correlationId()).isEqualTo(clerk.correlationId());
        });
        assertThat(db.number("SELECT count(*) FROM outbox WHERE topic = 'letter-events' AND aggregate_id = '" + letter
                + "'")).as("every event queued for its topic").isEqualTo(3);
    }

    @Test
    void a_second_writer_at_a_version_already_taken_gets_a_concurrency_conflict_and_records_nothing() throws Exception {
        UUID letter = UUID.randomUUID();
        SqlConnection first = db.pool().getConnectionAndAwait();
        SqlConnection second = db.pool().getConnectionAndAwait();
        try {
            Transaction firstTx = first.beginAndAwait();
            append(first, letter, 0, new Received(letter, "Li Hua")).await().atMost(PATIENCE);
            Transaction secondTx = second.beginAndAwait();
            CompletableFuture<List<StoredEvent<LetterEvent>>> racing = append(second, letter, 0,
                    new Received(letter, "Zhang Wei"), new Answered(letter, "too late")).subscribeAsCompletionStage();
            await().atMost(PATIENCE).until(() -> db.number("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND datname = current_database()") == 1);

            firstTx.commitAndAwait();

            assertThatThrownBy(() -> racing.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConcurrencyConflict.class)
                    .satisfies(conflict -> assertThat(((ConcurrencyConflict) conflict).aggregateId()).isEqualTo(letter));
            secondTx.rollbackAndAwait();
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
        assertThat(store.load(db.pool(), letter, LetterEvent.class).await().atMost(PATIENCE))
                .extracting(StoredEvent::event).containsExactly(new Received(letter, "Li Hua"));
        assertThat(db.number("SELECT count(*) FROM outbox")).as("only the winner's event queued").isEqualTo(1);
    }

    @Test
    void an_event_kept_from_the_public_is_stored_but_never_queued_for_kafka() {
        UUID letter = UUID.randomUUID();
        Publishing<LetterEvent> onlyAnswers = Publishing.<LetterEvent>asIs(Letters.TOPIC)
                .publishedAs(event -> event instanceof Answered ? Optional.of(event) : Optional.empty());

        db.pool().withTransaction(tx -> store.append(tx, Letters.AGGREGATE, letter, 0,
                List.of(new Received(letter, "Li Hua"), new Answered(letter, "forwarded")), clerk, onlyAnswers))
                .await().atMost(PATIENCE);

        assertThat(db.number("SELECT count(*) FROM event")).isEqualTo(2);
        assertThat(db.number("SELECT count(*) FROM outbox")).isEqualTo(1);
        assertThat(db.number("SELECT aggregate_version FROM outbox")).isEqualTo(2);
    }
}
