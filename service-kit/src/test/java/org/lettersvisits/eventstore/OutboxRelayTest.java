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
import org.lettersvisits.kit.KafkaChannel;
import org.lettersvisits.kit.KitDatabase;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * The outbox relay publishing to a real Kafka broker: what reaches the topic, in which order, and what the
 * outbox keeps afterwards. The topic has one partition, so the order on it is the order the relay published in.
 */
class OutboxRelayTest {

    private KitDatabase db;
    private KafkaChannel channel;
    private OutboxRelay relay;
    private final String topic = "letter-events-" + UUID.randomUUID();

    @BeforeEach
    void relayOfOneInstance() {
        db = KitDatabase.fresh();
        try (KafkaCompanion kafka = new KafkaCompanion(KitDatabase.kafkaBootstrapServers())) {
            kafka.topics().createAndWait(topic, 1);
        }
        channel = new KafkaChannel();
        relay = Relays.relay(db, channel, Relays.leadership(db, Duration.ofSeconds(10), "letter-service-1"));
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
    void committed_rows_are_published_in_order_and_then_leave_the_outbox() {
        UUID first = receive(db, topic, "Li Hua");
        UUID second = receive(db, topic, "Zhang Wei");
        UUID third = receive(db, topic, "Wang Fang");

        assertThat(publish()).isEqualTo(3);

        assertThat(publishedKeys()).containsExactly(first.toString(), second.toString(), third.toString());
        assertThat(db.number("SELECT count(*) FROM outbox")).isZero();
        assertThat(publish()).as("nothing is published twice").isZero();
        assertThat(publishedKeys()).hasSize(3);
    }

    @Test
    void a_transaction_still_running_holds_back_the_rows_after_it_and_is_published_first_once_it_commits() {
        SqlConnection connection = db.pool().getConnectionAndAwait();
        try {
            Transaction slow = connection.begin().await().atMost(PATIENCE);
            UUID late = receive(connection, topic, "Li Hua").await().atMost(PATIENCE);
            UUID quick = receive(db, topic, "Zhang Wei");

            assertThat(publish()).as("the quick commit waits behind the older transaction still running").isZero();

            slow.commit().await().atMost(PATIENCE);
            assertThat(publish()).isEqualTo(2);
            assertThat(publishedKeys()).containsExactly(late.toString(), quick.toString());
        } finally {
            connection.closeAndAwait();
        }
    }
}
