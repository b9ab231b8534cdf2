package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.PersonalText;
import org.lettersvisits.kit.KitDatabase;
import org.lettersvisits.privacy.AesGcm;
import org.lettersvisits.privacy.DataKeys;
import org.lettersvisits.privacy.NoDataKey;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Free text about a person, through the real event store on a real PostgreSQL: sealed in the event row and the outbox
 * row, in clear for the caller, absent once the person's key is gone. The keys are a map (a fake of one interface).
 */
class SealedPersonalTextTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String COMPLAINT = "Zhang Wei (13912345678) says the court ignored his appeal";

    @EventType("test.letter.complained.v1")
    record Complained(UUID letterId, @PersonalText String complaint, String office) {
    }

    /** Keys by petition, as a service holds them; a petition missing from both sets is not known yet. */
    static final class MapKeys implements DataKeys {
        final Map<UUID, SecretKey> keys = new ConcurrentHashMap<>();
        final Map<UUID, Boolean> erased = new ConcurrentHashMap<>();

        @Override
        public Uni<Optional<SecretKey>> keyOf(SqlClient client, UUID petitionId) {
            if (keys.containsKey(petitionId)) {
                return Uni.createFrom().item(Optional.of(keys.get(petitionId)));
            }
            return erased.containsKey(petitionId) ? Uni.createFrom().item(Optional.empty())
                    : Uni.createFrom().failure(new NoDataKey(petitionId));
        }
    }

    private final MapKeys keys = new MapKeys();
    private final EventStore store = Letters.store(keys, Complained.class);
    private final EventMetadata clerk = new EventMetadata("clerk.wang", UUID.randomUUID(), null);
    private KitDatabase db;

    @BeforeEach
    void database() {
        db = KitDatabase.fresh();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private void append(UUID letter, int at, Object event) {
        db.pool().withTransaction(tx -> store.append(tx, Letters.AGGREGATE, letter, at, List.of(event), clerk,
                Letters.TOPIC)).await().atMost(PATIENCE);
    }

    private long rowsHolding(String table, String text) {
        return db.number("SELECT count(*) FROM " + table + " WHERE payload::text LIKE '%" + text + "%'");
    }

    @Test
    void free_text_is_sealed_in_the_event_and_outbox_rows_and_read_back_in_clear() {
        UUID letter = UUID.randomUUID();
        keys.keys.put(letter, AesGcm.newKey());

        append(letter, 0, new Complained(letter, COMPLAINT, "court office"));

        assertThat(rowsHolding("event", "Zhang Wei")).as("the event row").isZero();
        assertThat(rowsHolding("outbox", "Zhang Wei")).as("the outbox row").isZero();
        assertThat(rowsHolding("event", "13912345678")).isZero();
        assertThat(rowsHolding("event", "sealed:v1:")).isEqualTo(1);
        assertThat(rowsHolding("event", "court office")).as("what is not personal stays in clear").isEqualTo(1);
        assertThat(store.load(db.pool(), letter, Object.class).await().atMost(PATIENCE))
                .extracting(StoredEvent::event).containsExactly(new Complained(letter, COMPLAINT, "court office"));
    }

    @Test
    void once_the_key_is_gone_the_text_reads_as_absent_and_new_text_about_the_person_is_not_kept() {
        UUID letter = UUID.randomUUID();
        keys.keys.put(letter, AesGcm.newKey());
        append(letter, 0, new Complained(letter, COMPLAINT, "court office"));

        keys.keys.remove(letter);
        keys.erased.put(letter, true);
        append(letter, 1, new Complained(letter, "Zhang Wei called again", "court office"));

        assertThat(store.load(db.pool(), letter, Object.class).await().atMost(PATIENCE)).extracting(StoredEvent::event)
                .containsExactly(new Complained(letter, null, "court office"), new Complained(letter, null, "court office"));
        assertThat(rowsHolding("event", "Zhang Wei")).isZero();
        assertThat(rowsHolding("outbox", "Zhang Wei")).isZero();
    }

    @Test
    void a_key_not_known_yet_fails_the_append_as_transient_and_writes_nothing() {
        UUID letter = UUID.randomUUID();

        assertThatThrownBy(() -> append(letter, 0, new Complained(letter, COMPLAINT, "court office")))
                .isInstanceOf(NoDataKey.class);
        assertThat(db.number("SELECT count(*) FROM event")).isZero();
        assertThat(db.number("SELECT count(*) FROM outbox")).isZero();
    }

    @Test
    void an_event_without_free_text_needs_no_key() {
        UUID letter = UUID.randomUUID();

        append(letter, 0, new Letters.Received(letter, "Li Hua"));

        assertThat(db.number("SELECT count(*) FROM event")).isEqualTo(1);
    }
}
