package org.lettersvisits.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.kit.KitDatabase;
import org.lettersvisits.messaging.InboundEvents.Delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/** An event applied once however often it arrives, and a busy database waited out in place. */
class IdempotentConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final StuckConsumers health = new StuckConsumers();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private KitDatabase db;
    private InboundEvents inbound;
    private CourtTally tally;

    @BeforeEach
    void consumer() {
        db = KitDatabase.fresh();
        inbound = Consumers.inbound(db, health, registry);
        tally = new CourtTally(db);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Delivery deliver(ReceivedRecord record) {
        return inbound.deliver(record, tally, true).await().atMost(PATIENCE);
    }

    @Test
    void an_event_delivered_twice_is_applied_exactly_once() {
        UUID eventId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();

        assertThat(deliver(Consumers.caseAccepted(eventId, caseId, 7))).isEqualTo(Delivery.APPLIED);
        assertThat(deliver(Consumers.caseAccepted(eventId, caseId, 8))).isEqualTo(Delivery.ALREADY_APPLIED);

        assertThat(tally.accepted()).isEqualTo(1);
        assertThat(db.number("SELECT count(*) FROM processed_event WHERE subscription = 'court-tally' AND event_id = '"
                + eventId + "'")).isEqualTo(1);
    }

    @Test
    void two_events_are_two_acceptances() {
        UUID caseId = UUID.randomUUID();

        deliver(Consumers.caseAccepted(UUID.randomUUID(), caseId, 7));
        deliver(Consumers.caseAccepted(UUID.randomUUID(), caseId, 8));

        assertThat(tally.accepted()).isEqualTo(2);
    }

    @Test
    void an_event_met_by_a_busy_database_is_retried_in_place_and_applied_once_it_passes() throws Exception {
        ReceivedRecord record = Consumers.caseAccepted(UUID.randomUUID(), UUID.randomUUID(), 7);
        SqlConnection other = db.pool().getConnectionAndAwait();
        CompletableFuture<Delivery> delivered;
        try {
            Transaction holding = other.beginAndAwait();
            other.query("SELECT * FROM court_tally FOR UPDATE").execute().await().atMost(PATIENCE);

            delivered = inbound.deliver(record, tally, true).subscribeAsCompletionStage();
            // more tries than an unforeseen failure gets (InboundEvents.UNEXPECTED_RETRIES): a busy database is waited out
            await().atMost(PATIENCE).until(() -> health.stuck().containsKey(record.topic())
                    && health.stuck().get(record.topic()).attempts() > InboundEvents.UNEXPECTED_RETRIES + 1);
            assertThat(health.stuck().get(record.topic()).error()).contains("lock");
            assertThat(delivered).isNotDone();

            holding.rollbackAndAwait();
        } finally {
            other.closeAndAwait();
        }

        assertThat(delivered.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Delivery.APPLIED);
        assertThat(tally.accepted()).isEqualTo(1);
        assertThat(health.stuck()).as("no longer reported as stuck").isEmpty();
        assertThat(registry.counter("lettersvisits.consumer.retries", "subscription", "court-tally").count())
                .isGreaterThan(InboundEvents.UNEXPECTED_RETRIES + 1);
    }
}
