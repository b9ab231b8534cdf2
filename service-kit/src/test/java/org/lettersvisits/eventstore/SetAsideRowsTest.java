package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettersvisits.eventstore.Relays.PATIENCE;
import static org.lettersvisits.eventstore.Relays.receive;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.SetAsideOutbox.SetAsideRow;
import org.lettersvisits.kit.KafkaChannel;
import org.lettersvisits.kit.KitDatabase;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A row the producer can never take as it is (larger than its {@code max.request.size}) does not block the outbox:
 * it is set aside with the reason, the rows behind it are published, and a redrive after the fix publishes it.
 */
class SetAsideRowsTest {

    private static final int PRODUCER_LIMIT = 4096;

    private KitDatabase db;
    private KafkaChannel channel;
    private OutboxRelay relay;
    private SetAsideOutbox setAside;
    private final String topic = "letter-events-" + UUID.randomUUID();

    @BeforeEach
    void relayWithASmallProducerLimit() {
        db = KitDatabase.fresh();
        try (KafkaCompanion kafka = new KafkaCompanion(KitDatabase.kafkaBootstrapServers())) {
            kafka.topics().createAndWait(topic, 1);
        }
        channel = new KafkaChannel();
        channel.acceptUpTo(PRODUCER_LIMIT);
        relay = Relays.relay(db, channel, Relays.leadership(db, Duration.ofSeconds(10), "letter-service-1"));
        setAside = Relays.setAside(db, relay);
    }

    @AfterEach
    void closeAll() {
        channel.close();
        db.close();
    }

    private int publish() {
        return Relays.publish(relay);
    }

    private List<String> publishedKeys() {
        return Relays.publishedKeys(topic);
    }

    @Test
    void a_row_too_large_for_the_producer_is_set_aside_with_the_reason_and_the_rows_behind_it_flow() {
        UUID before = receive(db, topic, "Li Hua");
        UUID tooLarge = receive(db, topic, "x".repeat(2 * PRODUCER_LIMIT));
        UUID after = receive(db, topic, "Zhang Wei");

        assertThat(publish()).isEqualTo(3);

        assertThat(publishedKeys()).containsExactly(before.toString(), after.toString());
        List<SetAsideRow> rows = setAside.list().await().atMost(PATIENCE);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.subject()).isEqualTo(Letters.AGGREGATE + "/" + tooLarge);
            assertThat(row.reason()).startsWith("RecordTooLargeException");
            assertThat(row.payloadBytes()).isGreaterThan(PRODUCER_LIMIT);
        });
        assertThat(db.number("SELECT count(*) FROM outbox")).as("nothing left waiting").isZero();
    }

    @Test
    void a_row_set_aside_is_published_by_a_redrive_after_the_fix_behind_what_came_meanwhile() {
        receive(db, topic, "Li Hua");
        UUID tooLarge = receive(db, topic, "x".repeat(2 * PRODUCER_LIMIT));
        publish();
        UUID meanwhile = receive(db, topic, "Zhang Wei");
        publish();
        assertThat(setAside.count().await().atMost(PATIENCE)).isEqualTo(1);

        channel.acceptUpTo(1024 * 1024); // the fix: a producer (and broker) that take larger records
        assertThat(setAside.redrive().await().atMost(PATIENCE).requeued()).isEqualTo(1);
        assertThat(publish()).isEqualTo(1);

        assertThat(publishedKeys()).endsWith(meanwhile.toString(), tooLarge.toString()).hasSize(3);
        assertThat(setAside.count().await().atMost(PATIENCE)).isZero();
        assertThat(db.number("SELECT count(*) FROM outbox")).isZero();
    }

    @Test
    void a_passing_failure_stops_the_batch_at_that_row_and_sets_nothing_aside() {
        UUID first = receive(db, topic, "Li Hua");
        channel.disconnect(); // the producer refuses every send now: a failure that is not the record's fault

        assertThat(publish()).isZero();

        assertThat(setAside.count().await().atMost(PATIENCE)).isZero();
        assertThat(db.number("SELECT count(*) FROM outbox")).as("kept for the next round").isEqualTo(1);
        channel.acceptUpTo(1024 * 1024);
        assertThat(publish()).isEqualTo(1);
        assertThat(publishedKeys()).containsExactly(first.toString());
    }
}
