package org.lettersvisits.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.eventstore.Letters.LetterEvent;
import org.lettersvisits.eventstore.Letters.Received;
import org.lettersvisits.kit.KafkaChannel;
import org.lettersvisits.kit.KitDatabase;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lettersvisits.testsupport.TopicContents;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** The outbox relay of one instance of a service, wired as CDI would, onto a test's database and Kafka channel. */
final class Relays {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private Relays() {
    }

    /** The lease of one instance ({@code letter-service-1}, ...). */
    static RelayLeadership leadership(KitDatabase db, Duration lease, String instance) {
        RelayLeadership leadership = new RelayLeadership();
        leadership.pool = db.pool();
        leadership.lease = lease;
        leadership.application = "letter-service";
        leadership.instance = Optional.of(instance);
        return leadership;
    }

    static OutboxRelay relay(KitDatabase db, KafkaChannel channel, RelayLeadership leadership) {
        OutboxRelay relay = new OutboxRelay();
        relay.pool = db.pool();
        relay.vertx = KitDatabase.vertx();
        relay.emitter = channel;
        relay.enabledAtStart = true;
        relay.interval = Duration.ofMillis(200);
        relay.batchSize = 500;
        relay.source = "letter-service";
        relay.leadership = leadership;
        return relay;
    }

    static SetAsideOutbox setAside(KitDatabase db, OutboxRelay relay) {
        SetAsideOutbox outbox = new SetAsideOutbox();
        outbox.pool = db.pool();
        outbox.relay = relay;
        return outbox;
    }

    /** Records a letter received from {@code sender}, queued for {@code topic}, in {@code tx}. */
    static Uni<UUID> receive(SqlClient tx, String topic, String sender) {
        UUID letter = UUID.randomUUID();
        return Letters.store().append(tx, Letters.AGGREGATE, letter, 0, List.<LetterEvent>of(new Received(letter, sender)),
                new EventMetadata("clerk.wang", UUID.randomUUID(), null), Publishing.asIs(topic)).replaceWith(letter);
    }

    static UUID receive(KitDatabase db, String topic, String sender) {
        return db.pool().withTransaction(tx -> receive(tx, topic, sender)).await().atMost(PATIENCE);
    }

    /** One pass of the relay over at most 500 rows: how many it published. */
    static int publish(OutboxRelay relay) {
        return relay.publishBatch(500).await().atMost(PATIENCE);
    }

    /** The record keys on {@code topic}, in its order. */
    static List<String> publishedKeys(String topic) {
        return TopicContents.read(KitDatabase.kafkaBootstrapServers(), topic, PATIENCE).stream()
                .map(ConsumerRecord::key).toList();
    }
}
