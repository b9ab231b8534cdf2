package org.lettersvisits.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.privacy.Petitioners;
import org.lettersvisits.petition.privacy.SealingMigration;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Registrations stored before crypto-shredding, with the petitioner in clear, are sealed in place once. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SealingMigrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    SealingMigration migration;

    @Inject
    Petitioners petitioners;

    @Inject
    org.lettersvisits.petition.app.StartupMigrations startup;

    @Inject
    EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions;

    @Test
    void a_registration_stored_in_clear_is_sealed_under_a_new_key_and_still_reads_the_same() {
        UUID id = UUID.randomUUID();
        String name = "Clear-" + id.toString().substring(0, 8);
        JsonObject clearPayload = new JsonObject().put("petitionId", id.toString()).put("caseNumber", "XF-2025-OLD")
                .put("channel", "LETTER").put("receivedOn", "2025-03-04").put("receivedBy", "Duty leader A")
                .put("petitioner", new JsonObject().put("name", name).put("idNumber", "130100199312266955")
                        .put("phone", "13942175656").put("town", "Zhongguan"))
                .put("headcount", 1).put("subject", "an old registration").put("involvesLawAndLitigation", false)
                .put("jointVisitDay", false);
        pool.preparedQuery("""
                INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor, correlation_id)
                VALUES ($1, 'petition', $2, 1, 'petition.registered.v1', $3, 'reception1', $1)""")
                .execute(Tuple.of(UUID.randomUUID(), id, clearPayload)).await().atMost(WAIT);

        assertThat(migration.sealAll().await().atMost(WAIT)).isGreaterThanOrEqualTo(1);

        String stored = pool.preparedQuery("SELECT type || ' ' || payload::text AS row FROM event WHERE aggregate_id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getString("row");
        assertThat(stored).startsWith("petition.registered-sealed.v1 ").doesNotContain(name)
                .doesNotContain("130100199312266955").doesNotContain("13942175656").contains("an old registration");
        Petition petition = petitions.load(pool, id).await().atMost(WAIT).state();
        assertThat(petition.registration().caseNumber()).isEqualTo("XF-2025-OLD");
        assertThat(petitioners.open(pool, id, petition.registration().petitioner()).await().atMost(WAIT))
                .contains(new Petitioner(name, "130100199312266955", "13942175656", null, "Zhongguan"));

        assertThat(migration.sealAll().await().atMost(WAIT)).isZero();
    }

    @Test
    void at_start_an_old_registrations_subject_is_sealed_in_place_and_its_new_key_shared() {
        UUID id = UUID.randomUUID();
        JsonObject clearPayload = new JsonObject().put("petitionId", id.toString()).put("caseNumber", "XF-2025-TXT")
                .put("channel", "LETTER").put("receivedOn", "2025-03-04")
                .put("petitioner", new JsonObject().put("name", "Old-" + id.toString().substring(0, 8)))
                .put("headcount", 1).put("subject", "刘桂芝反映工资被拖欠").put("description", "电话 13611112222")
                .put("involvesLawAndLitigation", false).put("jointVisitDay", false);
        pool.preparedQuery("""
                INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor, correlation_id)
                VALUES ($1, 'petition', $2, 1, 'petition.registered.v1', $3, 'reception1', $1)""")
                .execute(Tuple.of(UUID.randomUUID(), id, clearPayload)).await().atMost(WAIT);
        // an upgrade from a version before sealing: the sealing of stored text has not run on this database yet
        pool.query("UPDATE stored_text_sealing SET finished_at = NULL").execute().await().atMost(WAIT);

        startup.run().await().atMost(WAIT);

        String stored = pool.preparedQuery("SELECT payload::text FROM event WHERE aggregate_id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getString(0);
        assertThat(stored).doesNotContain("刘桂芝").doesNotContain("13611112222").contains("sealed:v1:");
        Petition petition = petitions.load(pool, id).await().atMost(WAIT).state();
        assertThat(petition.registration().subject()).isEqualTo("刘桂芝反映工资被拖欠");
        assertThat(petition.registration().description()).isEqualTo("电话 13611112222");
        assertThat(pool.preparedQuery("SELECT shared_under FROM petitioner_key WHERE petition_id = $1").execute(Tuple.of(id))
                .await().atMost(WAIT).iterator().next().getString(0)).as("its new key shared").isEqualTo("s0");
    }

    @Test
    void two_instances_sealing_at_once_seal_each_registration_once() {
        java.util.List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            JsonObject clearPayload = new JsonObject().put("petitionId", id.toString()).put("caseNumber", "XF-2025-C" + i)
                    .put("channel", "LETTER").put("receivedOn", "2025-03-04")
                    .put("petitioner", new JsonObject().put("name", "Twice-" + i))
                    .put("headcount", 1).put("subject", "sealed by two").put("involvesLawAndLitigation", false)
                    .put("jointVisitDay", false);
            pool.preparedQuery("""
                    INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor, correlation_id)
                    VALUES ($1, 'petition', $2, 1, 'petition.registered.v1', $3, 'reception1', $1)""")
                    .execute(Tuple.of(UUID.randomUUID(), id, clearPayload)).await().atMost(WAIT);
        }

        var both = io.smallrye.mutiny.Uni.combine().all().unis(migration.sealAll(), migration.sealAll()).asTuple()
                .await().atMost(WAIT);

        assertThat(both.getItem1() + both.getItem2()).isEqualTo(40);
        long keys = pool.preparedQuery("SELECT count(*) AS n FROM petitioner_key WHERE petition_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).await().atMost(WAIT).iterator().next().getLong("n");
        assertThat(keys).isEqualTo(40);
        for (UUID id : ids) {
            Petition petition = petitions.load(pool, id).await().atMost(WAIT).state();
            assertThat(petitioners.open(pool, id, petition.registration().petitioner()).await().atMost(WAIT))
                    .map(Petitioner::name).hasValueSatisfying(name -> assertThat(name).startsWith("Twice-"));
        }
    }
}
