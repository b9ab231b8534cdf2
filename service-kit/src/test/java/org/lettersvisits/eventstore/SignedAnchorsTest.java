package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.Letters.Answered;
import org.lettersvisits.eventstore.Letters.LetterEvent;
import org.lettersvisits.eventstore.Letters.Received;
import org.lettersvisits.kit.KafkaChannel;
import org.lettersvisits.kit.KitDatabase;

/**
 * What whoever owns the database can no longer do quietly: rewrite a stream and make every hash again, alter or drop an
 * anchor, or hide events removed since. The anchors are signed with a key the database never sees, extend one another,
 * and leave the database through the outbox to event-anchors.v1; the verification recomputes every hash in Java.
 */
class SignedAnchorsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final EventStore store = Letters.store();
    private KitDatabase db;
    private KafkaChannel channel;
    private OutboxRelay relay;
    private EventLogIntegrity integrity;
    private UUID letter;

    @BeforeEach
    void aLogOfTwoLettersAnchoredOnce() {
        db = KitDatabase.fresh();
        integrity = LogIntegrities.on(db);
        channel = new KafkaChannel();
        relay = Relays.relay(db, channel, Relays.leadership(db, Duration.ofSeconds(10), "letter-service-1"));
        letter = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        append(letter, 0, new Received(letter, "Li Hua"), new Answered(letter, "forwarded to housing"),
                new Answered(letter, "housing replied"));
        append(other, 0, new Received(other, "Zhang Wei"));
        assertThat(integrity.anchor().await().atMost(PATIENCE)).isPresent();
        Relays.publish(relay);
    }

    @AfterEach
    void closeAll() {
        channel.close();
        db.close();
    }

    private void append(UUID id, int expected, LetterEvent... events) {
        db.pool().withTransaction(tx -> store.append(tx, Letters.AGGREGATE, id, expected, List.of(events),
                new EventMetadata("clerk.wang", UUID.randomUUID(), null), Letters.TOPIC)).await().atMost(PATIENCE);
    }

    private IntegrityReport verify() {
        return integrity.verify().await().atMost(PATIENCE);
    }

    @Test
    void each_anchor_is_signed_extends_the_one_before_and_is_published_outside_the_database() {
        append(letter, 3, new Answered(letter, "the petitioner is satisfied"));
        assertThat(integrity.anchor().await().atMost(PATIENCE)).isPresent();
        assertThat(integrity.anchor().await().atMost(PATIENCE)).as("nothing moved since").isEmpty();
        Relays.publish(relay);

        List<Anchor> published = integrity.verification.external.read().anchors();
        assertThat(published).hasSize(2);
        assertThat(published.get(1).previousHash()).isEqualTo(published.get(0).hash());
        assertThat(published.get(1).anchoredHeads()).as("only the stream that moved").isEqualTo(1);
        assertThat(published).allSatisfy(anchor -> assertThat(integrity.signing.verifies(anchor.hash(), anchor.signature()))
                .isTrue());
        IntegrityReport report = verify();
        assertThat(report.ok()).isTrue();
        assertThat(report.externalAnchors()).isEqualTo(2);
        assertThat(report.lastExternalAnchorHash()).isEqualTo(published.get(1).hash());
    }

    @Test
    void a_stream_rewritten_by_the_owner_with_every_hash_made_again_is_named_with_its_stream_and_version() {
        db.sql("UPDATE event SET payload = jsonb_set(payload, '{answer}', '\"nothing to be done\"')"
                + " WHERE aggregate_id = '" + letter + "' AND version = 2");
        db.number("SELECT count(*) FROM (SELECT rechain_stream('" + letter + "')) rechained");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBroken().aggregateId()).isEqualTo(letter);
        assertThat(report.firstBroken().version()).as("the head the anchor recorded").isEqualTo(3);
        assertThat(report.firstBroken().problem()).contains("rewritten").contains("anchor");
        assertThat(integrity.anchor().await().atMost(PATIENCE)).as("the log no longer extends its anchor").isEmpty();
        assertThat(integrity.registry.counter("lettersvisits.event.log.anchors.refused").count()).isEqualTo(1);
    }

    @Test
    void a_hash_function_replaced_by_the_owner_does_not_fool_the_verification() {
        db.sql("CREATE OR REPLACE FUNCTION event_hash(e event, previous text) RETURNS text LANGUAGE sql STABLE"
                + " AS $$ SELECT e.hash $$");
        db.sql("UPDATE event SET payload = jsonb_set(payload, '{answer}', '\"nothing to be done\"')"
                + " WHERE aggregate_id = '" + letter + "' AND version = 2");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBroken().version()).isEqualTo(2);
        assertThat(report.firstBroken().problem()).isEqualTo("its stored content was altered");
    }

    @Test
    void an_anchor_altered_or_removed_in_the_database_disagrees_with_the_one_published() {
        db.sql("ALTER TABLE event_anchor DISABLE TRIGGER ALL");
        db.sql("DELETE FROM event_anchor_head");
        db.sql("DELETE FROM event_anchor");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.externalAnchorProblem()).contains("was published but is gone from the database");
    }
}
