package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.SealedPersonalTextTest.Complained;
import org.lettersvisits.eventstore.SealedPersonalTextTest.MapKeys;
import org.lettersvisits.kit.KitDatabase;
import org.lettersvisits.privacy.AesGcm;
import org.lettersvisits.privacy.NoDataKey;

/**
 * Events stored in clear before sealing, sealed in place on a real PostgreSQL: the free text sealed (or gone, for an
 * erased person), everything else and the hash chains intact, a second run finds nothing, a key not shared yet waits.
 */
class StoredTextSealingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final MapKeys keys = new MapKeys();
    private final EventStore store = Letters.store(keys, Complained.class);
    private final StoredTextSealing sealing = new StoredTextSealing();
    private EventLogIntegrity integrity;
    private KitDatabase db;

    @BeforeEach
    void database() {
        db = KitDatabase.fresh();
        sealing.pool = db.pool();
        sealing.codec = store.codec;
        sealing.store = store;
        integrity = LogIntegrities.on(db);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** A row as an earlier version stored it: the complaint in clear. */
    private void storedInClear(UUID letter, int version, String complaint) {
        db.sql("INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor, correlation_id, recorded_at)"
                + " VALUES ('" + UUID.randomUUID() + "', 'letter', '" + letter + "', " + version
                + ", 'test.letter.complained.v1', '{\"letterId\":\"" + letter + "\",\"complaint\":\"" + complaint
                + "\",\"office\":\"court office\"}', 'clerk.wang', '" + UUID.randomUUID() + "', now())");
    }

    private long rows(String condition) {
        return db.number("SELECT count(*) FROM event WHERE " + condition);
    }

    @Test
    void clear_text_is_sealed_in_place_the_erased_persons_goes_and_the_chains_still_hold() {
        UUID kept = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        keys.keys.put(kept, AesGcm.newKey());
        keys.erased.put(erased, true);
        storedInClear(kept, 1, "Zhang Wei, 13912345678");
        storedInClear(kept, 2, "Zhang Wei again");
        storedInClear(erased, 1, "Li Na, 13700001111");

        assertThat(sealing.sealAll().await().atMost(PATIENCE)).isEqualTo(3);

        assertThat(rows("payload::text LIKE '%Zhang Wei%' OR payload::text LIKE '%Li Na%'")).isZero();
        assertThat(rows("payload::text LIKE '%court office%'")).as("what is not personal stays").isEqualTo(3);
        assertThat(store.load(db.pool(), kept, Object.class).await().atMost(PATIENCE)).extracting(StoredEvent::event)
                .containsExactly(new Complained(kept, "Zhang Wei, 13912345678", "court office"),
                        new Complained(kept, "Zhang Wei again", "court office"));
        assertThat(store.load(db.pool(), erased, Object.class).await().atMost(PATIENCE)).extracting(StoredEvent::event)
                .containsExactly(new Complained(erased, null, "court office"));
        assertThat(integrity.verify().await().atMost(PATIENCE).ok()).as("the streams chained again").isTrue();
        assertThat(sealing.sealAll().await().atMost(PATIENCE)).as("a second run").isZero();
    }

    @Test
    void a_key_not_shared_yet_stops_the_run_where_it_is_and_a_later_run_finishes() {
        UUID letter = UUID.randomUUID();
        storedInClear(letter, 1, "Zhang Wei, 13912345678");

        assertThatThrownBy(() -> sealing.sealAll().await().atMost(PATIENCE)).isInstanceOf(NoDataKey.class);
        assertThat(rows("payload::text LIKE '%Zhang Wei%'")).isEqualTo(1);

        keys.keys.put(letter, AesGcm.newKey());
        assertThat(sealing.sealAll().await().atMost(PATIENCE)).isEqualTo(1);
        assertThat(rows("payload::text LIKE '%Zhang Wei%'")).isZero();
    }

    @Test
    void two_replicas_sealing_at_once_seal_each_row_once() {
        List<UUID> letters = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID letter = UUID.randomUUID();
            keys.keys.put(letter, AesGcm.newKey());
            storedInClear(letter, 1, "Zhang Wei, letter " + i);
            letters.add(letter);
        }
        StoredTextSealing other = new StoredTextSealing();
        other.pool = db.pool();
        other.codec = store.codec;
        other.store = store;

        var both = io.smallrye.mutiny.Uni.combine().all().unis(sealing.sealAll(), other.sealAll()).asTuple()
                .await().atMost(PATIENCE);

        assertThat(both.getItem1() + both.getItem2()).as("each row rewritten by one replica").isEqualTo(30);
        assertThat(rows("payload::text LIKE '%Zhang Wei%'")).isZero();
        for (int i = 0; i < letters.size(); i++) {
            assertThat(store.load(db.pool(), letters.get(i), Object.class).await().atMost(PATIENCE))
                    .extracting(StoredEvent::event)
                    .containsExactly(new Complained(letters.get(i), "Zhang Wei, letter " + i, "court office"));
        }
        assertThat(integrity.verify().await().atMost(PATIENCE).ok()).isTrue();
    }
}
