package org.lettersvisits.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.kit.KitDatabase;
import org.lettersvisits.messaging.InboundEvents.Delivery;
import org.lettersvisits.messaging.Undeliverable.Reason;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What the consumer does with what it cannot apply: a type it does not know, and a command the domain refuses. */
class UndeliverableEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private KitDatabase db;
    private InboundEvents inbound;
    private CourtTally tally;

    @BeforeEach
    void consumer() {
        db = KitDatabase.fresh();
        inbound = Consumers.inbound(db, new StuckConsumers(), registry);
        tally = new CourtTally(db);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void an_event_of_a_type_the_service_does_not_know_is_kept_as_unrecognised_and_changes_nothing() {
        UUID eventId = UUID.randomUUID();

        Delivery delivery = inbound.deliver(Consumers.unknownType(eventId, UUID.randomUUID(), 41), tally, true)
                .await().atMost(PATIENCE);

        assertThat(delivery).isEqualTo(Delivery.SKIPPED);
        assertThat(tally.accepted()).isZero();
        assertThat(db.number("SELECT count(*) FROM processed_event")).isZero();
        assertThat(inbound.unrecognised.list().await().atMost(PATIENCE)).singleElement().satisfies(kept -> {
            assertThat(kept.eventId()).isEqualTo(eventId);
            assertThat(kept.subscription()).isEqualTo("court-tally");
            assertThat(kept.type()).isEqualTo("case.escalated.v1");
            assertThat(kept.offset()).isEqualTo(41);
        });
        assertThat(registry.counter("lettersvisits.consumer.unrecognised", "subscription", "court-tally", "type",
                "case.escalated.v1").count()).isEqualTo(1);
    }

    @Test
    void an_event_the_domain_refuses_is_dead_lettered_and_left_unrecorded() {
        tally.refusing.set(true);

        assertThatThrownBy(() -> inbound.deliver(Consumers.caseAccepted(UUID.randomUUID(), UUID.randomUUID(), 7), tally,
                true).await().atMost(PATIENCE))
                .isInstanceOfSatisfying(Undeliverable.class, dead -> assertThat(dead.reason()).isEqualTo(Reason.REJECTED));

        assertThat(tally.accepted()).isZero();
        assertThat(db.number("SELECT count(*) FROM processed_event")).as("free to be applied by a redrive").isZero();
    }

    @Test
    void a_dead_letter_redriven_after_the_fix_is_applied_once_and_a_second_redrive_changes_nothing() {
        UUID eventId = UUID.randomUUID();
        ReceivedRecord original = Consumers.caseAccepted(eventId, UUID.randomUUID(), 7);
        tally.refusing.set(true);
        assertThatThrownBy(() -> inbound.deliver(original, tally, true).await().atMost(PATIENCE))
                .isInstanceOf(Undeliverable.class);
        ConsumerRecord<String, String> letter = deadLetterOf(original, "REJECTED: the case is closed");

        tally.refusing.set(false); // the fix
        ReceivedRecord redriven = DeadLetters.original(letter);

        assertThat(redriven).isEqualTo(original);
        assertThat(inbound.deliver(redriven, tally, false).await().atMost(PATIENCE)).isEqualTo(Delivery.APPLIED);
        assertThat(inbound.deliver(redriven, tally, false).await().atMost(PATIENCE)).isEqualTo(Delivery.ALREADY_APPLIED);
        assertThat(tally.accepted()).isEqualTo(1);
    }

    /** The record as the channel's dead-letter queue writes it: the original's key, value and headers, and where from. */
    private static ConsumerRecord<String, String> deadLetterOf(ReceivedRecord original, String reason) {
        ConsumerRecord<String, String> letter = new ConsumerRecord<>(Topics.deadLettersOf("letter-service"), 0, 0,
                original.key(), original.value());
        original.headers().forEach((name, value) -> letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        letter.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-topic", original.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-partition", String.valueOf(original.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-offset", String.valueOf(original.offset()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add(InboundEvents.DEAD_LETTER_KIND, "REJECTED".getBytes(StandardCharsets.UTF_8));
        letter.headers().add(InboundEvents.DEAD_LETTER_SUBSCRIPTION, "court-tally".getBytes(StandardCharsets.UTF_8));
        return letter;
    }
}
