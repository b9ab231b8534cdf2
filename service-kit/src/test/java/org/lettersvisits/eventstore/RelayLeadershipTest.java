package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.eventstore.Relays.PATIENCE;
import static org.lettersvisits.eventstore.Relays.receive;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.kit.KafkaChannel;
import org.lettersvisits.kit.KitDatabase;
import org.lettersvisits.testsupport.TopicContents;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Which of two instances publishes the outbox: the holder of the lease in the database, and who takes it over. */
class RelayLeadershipTest {

    private static final Duration SHORT_LEASE = Duration.ofSeconds(1);

    private KitDatabase db;

    @BeforeEach
    void database() {
        db = KitDatabase.fresh();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private static boolean leads(RelayLeadership instance) {
        return instance.lead().await().atMost(PATIENCE);
    }

    private String holder() {
        return db.pool().query("SELECT holder FROM outbox_relay_lease").execute().await().atMost(PATIENCE)
                .iterator().next().getString("holder");
    }

    @Test
    void only_one_instance_leads_while_the_lease_runs() {
        RelayLeadership first = Relays.leadership(db, Duration.ofSeconds(30), "letter-service-1");
        RelayLeadership second = Relays.leadership(db, Duration.ofSeconds(30), "letter-service-2");

        assertThat(leads(first)).isTrue();
        assertThat(leads(second)).isFalse();
        assertThat(holder()).isEqualTo(first.holder());
    }

    @Test
    void a_leader_that_stops_renewing_loses_the_lead_to_another_instance_once_its_lease_has_run_out() {
        RelayLeadership hung = Relays.leadership(db, SHORT_LEASE, "letter-service-1");
        RelayLeadership other = Relays.leadership(db, SHORT_LEASE, "letter-service-2");
        assertThat(leads(hung)).isTrue();
        assertThat(leads(other)).isFalse();

        await().atMost(PATIENCE).until(() -> leads(other));

        assertThat(holder()).isEqualTo(other.holder());
        assertThat(db.number("SELECT term FROM outbox_relay_lease")).as("a new term").isEqualTo(2);
        await().atMost(PATIENCE).until(() -> !hung.isLeading());
        assertThat(leads(hung)).as("the old leader, waking up, does not take the lead back").isFalse();
    }

    @Test
    void a_leader_that_resigns_hands_the_lead_over_at_once() {
        RelayLeadership leaving = Relays.leadership(db, Duration.ofMinutes(5), "letter-service-1");
        RelayLeadership other = Relays.leadership(db, Duration.ofMinutes(5), "letter-service-2");
        assertThat(leads(leaving)).isTrue();

        leaving.resign().await().atMost(PATIENCE);

        assertThat(leads(other)).isTrue();
        assertThat(holder()).isEqualTo(other.holder());
    }

    @Test
    void the_relay_of_the_instance_that_took_the_lead_over_publishes_what_was_waiting() {
        String topic = "letter-events-" + UUID.randomUUID();
        try (KafkaCompanion kafka = new KafkaCompanion(KitDatabase.kafkaBootstrapServers())) {
            kafka.topics().createAndWait(topic, 1);
        }
        RelayLeadership hung = Relays.leadership(db, SHORT_LEASE, "letter-service-1");
        assertThat(leads(hung)).isTrue(); // took the lead, then stopped doing anything
        UUID letter = receive(db, topic, "Li Hua");

        try (KafkaChannel channel = new KafkaChannel()) {
            RelayLeadership survivorLease = Relays.leadership(db, SHORT_LEASE, "letter-service-2");
            OutboxRelay survivor = Relays.relay(db, channel, survivorLease);
            survivor.start();
            try {
                await().atMost(PATIENCE).until(() -> TopicContents.read(KitDatabase.kafkaBootstrapServers(), topic,
                        PATIENCE).stream().anyMatch(record -> record.key().equals(letter.toString())));
                assertThat(holder()).isEqualTo(survivorLease.holder());
                await().atMost(PATIENCE).until(() -> db.number("SELECT count(*) FROM outbox") == 0);
            } finally {
                survivor.stop();
            }
        }
    }
}
