package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.Letters.Answered;
import org.lettersvisits.eventstore.Letters.LetterEvent;
import org.lettersvisits.eventstore.Letters.Received;
import org.lettersvisits.eventstore.Republication.Progress;
import org.lettersvisits.eventstore.Republication.Spec;
import org.lettersvisits.kit.KitDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.sqlclient.Row;

/** Moving the letters' published history onto a new topic version, two events a chunk, and resuming after a crash. */
class RepublicationInChunksTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String NEW_TOPIC = "letter-events.v2";

    private final EventStore store = Letters.store();
    private final Spec<LetterEvent> spec = new Spec<>(Letters.AGGREGATE, LetterEvent.class, Publishing.asIs(NEW_TOPIC),
            List.of(Letters.TOPIC));
    private final List<Republication> instances = new ArrayList<>();
    private KitDatabase db;

    @BeforeEach
    void aHistoryOfThreeLetters() {
        db = KitDatabase.fresh();
        for (String sender : List.of("Li Hua", "Zhang Wei", "Wang Fang")) {
            UUID letter = UUID.randomUUID();
            append(letter, 0, Letters.TOPIC, new Received(letter, sender));
            append(letter, 1, Letters.TOPIC, new Answered(letter, "forwarded"));
        }
        db.sql("DELETE FROM outbox"); // long published on the old topic, and pruned
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(instance -> instance.onStop(null));
        db.close();
    }

    private void append(UUID letter, int at, String topic, LetterEvent event) {
        db.pool().withTransaction(tx -> store.append(tx, Letters.AGGREGATE, letter, at, List.of(event),
                new EventMetadata("clerk.wang", UUID.randomUUID(), null), topic)).await().atMost(PATIENCE);
    }

    /** An instance of the service, republishing two events a chunk. */
    private Republication instance() {
        Republication republication = new Republication();
        republication.pool = db.pool();
        republication.store = store;
        republication.vertx = KitDatabase.vertx();
        republication.registry = new SimpleMeterRegistry();
        republication.chunk = 2;
        republication.lookEvery = Duration.ofHours(1);
        instances.add(republication);
        return republication;
    }

    private List<UUID> storedInCommitOrder() {
        return ids("SELECT event_id FROM event ORDER BY transaction_id, position");
    }

    private List<UUID> queuedOnTheNewTopic() {
        return ids("SELECT event_id FROM outbox WHERE topic = '" + NEW_TOPIC + "' ORDER BY transaction_id, position");
    }

    private List<UUID> ids(String query) {
        List<UUID> ids = new ArrayList<>();
        for (Row row : db.pool().query(query).execute().await().atMost(PATIENCE)) {
            ids.add(row.getUUID("event_id"));
        }
        return ids;
    }

    private Progress progress() {
        return instance().progress().await().atMost(PATIENCE).get(0);
    }

    @Test
    void a_republication_walks_the_whole_history_in_chunks_onto_the_new_topic() {
        long queued = instance().onto(spec).await().atMost(PATIENCE);

        assertThat(queued).isEqualTo(6);
        assertThat(queuedOnTheNewTopic()).containsExactlyElementsOf(storedInCommitOrder());
        Progress progress = progress();
        assertThat(progress.chunks()).as("two events a chunk, then the last one").isGreaterThanOrEqualTo(3);
        assertThat(progress.queuedEvents()).isEqualTo(6);
        assertThat(progress.remainingEvents()).isZero();
        assertThat(progress.finishedAt()).isNotNull();
    }

    @Test
    void a_republication_stopped_half_way_resumes_from_its_cursor() {
        Republication crashed = instance();
        crashed.declare(spec).await().atMost(PATIENCE);
        crashed.next(spec).await().atMost(PATIENCE); // one chunk, then the instance dies
        assertThat(progress().queuedEvents()).isEqualTo(2);
        assertThat(progress().remainingEvents()).isEqualTo(4);
        assertThat(progress().finishedAt()).isNull();
        db.sql("DELETE FROM outbox"); // the relay published the first chunk and pruned it

        long queued = instance().onto(spec).await().atMost(PATIENCE);

        assertThat(queued).as("only what lay after the cursor").isEqualTo(4);
        assertThat(queuedOnTheNewTopic()).containsExactlyElementsOf(storedInCommitOrder().subList(2, 6));
        assertThat(progress().queuedEvents()).isEqualTo(6);
        assertThat(progress().finishedAt()).isNotNull();
    }

    @Test
    void an_append_while_republishing_is_carried_by_the_republication_after_the_history() {
        instance().declare(spec).await().atMost(PATIENCE);
        UUID late = UUID.randomUUID();
        append(late, 0, NEW_TOPIC, new Received(late, "Zhao Lei"));
        assertThat(queuedOnTheNewTopic()).as("an unfinished republication holds the append's own queuing").isEmpty();

        instance().onto(spec).await().atMost(PATIENCE);

        List<UUID> stored = storedInCommitOrder();
        assertThat(queuedOnTheNewTopic()).containsExactlyElementsOf(stored).hasSize(7);
        UUID lateEvent = stored.get(6);
        assertThat(db.number("SELECT count(*) FROM outbox WHERE event_id = '" + lateEvent + "' AND aggregate_id = '"
                + late + "'")).isEqualTo(1);
    }

    @Test
    void an_event_still_waiting_for_its_own_topic_is_queued_for_the_new_one_too() {
        UUID waiting = UUID.randomUUID();
        append(waiting, 0, Letters.TOPIC, new Received(waiting, "Sun Li")); // not yet published on its own topic

        instance().onto(spec).await().atMost(PATIENCE);

        assertThat(queuedOnTheNewTopic()).as("every stored event, the waiting one included")
                .containsExactlyElementsOf(storedInCommitOrder()).hasSize(7);
        assertThat(db.number("SELECT count(*) FROM outbox WHERE aggregate_id = '" + waiting + "'"))
                .as("one row for each topic").isEqualTo(2);
    }
}
