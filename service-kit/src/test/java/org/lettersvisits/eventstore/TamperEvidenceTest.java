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
import org.lettersvisits.kit.KitDatabase;

/**
 * The hash chain the database puts on every append (db/eventstore V0_8, V0_10) and {@link EventLogIntegrity}'s
 * verification: what an operator sees when someone changed the log with plain SQL, behind the store's back.
 */
class TamperEvidenceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EventStore store = Letters.store();
    private EventLogIntegrity integrity;
    private KitDatabase db;
    private UUID letter;

    @BeforeEach
    void aLogOfTwoLetters() {
        db = KitDatabase.fresh();
        integrity = LogIntegrities.on(db);
        letter = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        append(letter, new Received(letter, "Li Hua"), new Answered(letter, "forwarded to housing"),
                new Answered(letter, "housing replied"));
        append(other, new Received(other, "Zhang Wei"), new Answered(other, "answered"));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private void append(UUID id, LetterEvent... events) {
        db.pool().withTransaction(tx -> store.append(tx, Letters.AGGREGATE, id, 0, List.of(events),
                new EventMetadata("clerk.wang", UUID.randomUUID(), null), Letters.TOPIC)).await().atMost(PATIENCE);
    }

    private IntegrityReport verify() {
        return integrity.verify().await().atMost(PATIENCE);
    }

    private long positionOf(int version) {
        return db.number("SELECT position FROM event WHERE aggregate_id = '" + letter + "' AND version = " + version);
    }

    @Test
    void an_untouched_log_verifies() {
        IntegrityReport report = verify();

        assertThat(report.ok()).isTrue();
        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.streams()).isEqualTo(2);
        assertThat(report.brokenEvents()).isZero();
        assertThat(report.firstBroken()).isNull();
    }

    @Test
    void a_row_altered_behind_the_stores_back_is_reported_at_its_position() {
        db.sql("UPDATE event SET payload = jsonb_set(payload, '{answer}', '\"nothing to be done\"')"
                + " WHERE aggregate_id = '" + letter + "' AND version = 2");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.brokenEvents()).isEqualTo(1);
        assertThat(report.firstBroken().position()).isEqualTo(positionOf(2));
        assertThat(report.firstBroken().aggregateId()).isEqualTo(letter);
        assertThat(report.firstBroken().version()).isEqualTo(2);
        assertThat(report.firstBroken().problem()).isEqualTo("its stored content was altered");
    }

    @Test
    void a_row_altered_with_its_hash_recomputed_breaks_the_link_of_the_event_after_it() {
        db.sql("UPDATE event e SET payload = jsonb_set(payload, '{answer}', '\"nothing to be done\"')"
                + " WHERE aggregate_id = '" + letter + "' AND version = 2");
        db.sql("UPDATE event e SET hash = event_hash(e, e.previous_hash) WHERE aggregate_id = '" + letter
                + "' AND version = 2");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBroken().position()).isEqualTo(positionOf(3));
        assertThat(report.firstBroken().problem()).isEqualTo("its link to the previous event does not match");
    }

    @Test
    void an_event_removed_from_the_middle_of_a_stream_is_reported_at_the_event_after_the_gap() {
        long third = positionOf(3);
        db.sql("DELETE FROM event WHERE aggregate_id = '" + letter + "' AND version = 2");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBroken().position()).isEqualTo(third);
        assertThat(report.firstBroken().problem()).isEqualTo("an event of this stream before it is missing");
    }

    @Test
    void a_streams_last_event_removed_after_an_anchor_is_named_by_the_head_the_anchor_recorded() {
        assertThat(integrity.anchor().await().atMost(PATIENCE)).isPresent();
        assertThat(verify().ok()).isTrue();

        db.sql("DELETE FROM event WHERE aggregate_id = '" + letter + "' AND version = 3");

        IntegrityReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.brokenEvents()).as("the head the anchor recorded is gone").isEqualTo(1);
        assertThat(report.firstBroken().aggregateId()).isEqualTo(letter);
        assertThat(report.firstBroken().version()).isEqualTo(3);
        assertThat(report.firstBroken().position()).as("no such event any more").isNull();
        assertThat(report.firstBroken().problem()).contains("is gone");
    }
}
