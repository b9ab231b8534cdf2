package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.petition.ErasureTest.Person;
import org.lettersvisits.petition.erasure.ErasureLedger;
import org.lettersvisits.petition.erasure.ErasureLedgerReplay;
import org.lettersvisits.petition.erasure.LegalGround;
import org.lettersvisits.petition.privacy.PetitionerKeys;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The erasure ledger: every erasure goes onto {@code petitioner-erasures.v1} (kept for ever, outside the database)
 * with who, when and the legal ground and nothing of the person; and a database restored from a backup older than an
 * erasure gets the erasure applied again from the ledger.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ErasureLedgerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    PetitionerKeys keys;

    @Inject
    ErasureLedgerReplay replay;

    @Inject
    MeterRegistry registry;

    /**
     * A unique person whose name is not like ErasureTest's ("Erasable-…"): that test's search by name must find none
     * of the people this one leaves registered and not erased.
     */
    private static Person ledgerPerson() {
        Person person = Person.unique();
        return new Person(person.name().replace("Erasable-", "Ledger "), person.idNumber(), person.phone());
    }

    private static String register(Person person) {
        Map<String, Object> body = withPetitioner(withPetitioner(withPetitioner(visit(), "name", person.name()),
                "idNumber", person.idNumber()), "phone", person.phone());
        return given().header("Authorization", Users.RECEPTION.bearer()).header("Idempotency-Key", "ledger-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(body).post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse erase(String id, Map<String, Object> body) {
        return given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/admin/petitioners/" + id + "/erasure").then();
    }

    private static Optional<ConsumerRecord<String, String>> ledgerEntryOf(String id) {
        return TopicContents.read(ErasureLedger.TOPIC).stream().filter(r -> id.equals(r.key())).findFirst();
    }

    private List<Row> erasedEvents(String id) {
        return pool.preparedQuery("SELECT event_id, actor FROM event WHERE aggregate_id = $1 AND type = 'petition.petitioner-erased.v1'")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).stream().toList();
    }

    private boolean hasKey(String id) {
        return keys.find(pool, UUID.fromString(id)).await().atMost(WAIT).isPresent();
    }

    @Test
    void an_erasure_goes_onto_the_ledger_with_who_when_and_the_ground_and_nothing_of_the_person() throws Exception {
        Person person = ledgerPerson();
        String id = register(person);

        erase(id, Map.of("reason", "asked in person by " + person.name(), "legalGround", "CONSENT_WITHDRAWN")).statusCode(200);

        ConsumerRecord<String, String> record = await().atMost(WAIT).until(() -> ledgerEntryOf(id), Optional::isPresent).get();
        ErasureLedger.Entry entry = ErasureLedger.read(record.value());
        assertThat(entry.petitionId()).hasToString(id);
        assertThat(entry.erasedBy()).isEqualTo(Users.ADMIN.userName());
        assertThat(entry.legalGround()).isEqualTo(LegalGround.CONSENT_WITHDRAWN);
        assertThat(entry.erasedAt()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        assertThat(entry.erasureEventId()).isEqualTo(erasedEvents(id).get(0).getUUID("event_id"));
        person.traces().forEach(trace -> assertThat(record.value()).doesNotContain(trace));
        assertThat(record.value()).doesNotContain("asked in person");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, ErasureLedger.TOPIC);
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void a_database_restored_from_before_an_erasure_has_it_applied_again_from_the_ledger() {
        // the restored database: the petitioner registered and not erased; the ledger: erased since the backup
        Person person = ledgerPerson();
        String id = register(person);
        ErasureLedger.Entry erasedSince = new ErasureLedger.Entry(UUID.fromString(id), UUID.randomUUID(),
                Users.ADMIN.userName(), Instant.now(), LegalGround.PETITIONER_REQUEST);
        try (var kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(ErasureLedger.TOPIC, id, json(erasedSince)))
                    .awaitCompletion();
        }
        double countedBefore = registry.counter("lettersvisits.erasures.reapplied").count();

        ErasureLedgerReplay.Replayed replayed = replay.replay();

        assertThat(replayed.reapplied()).isGreaterThanOrEqualTo(1);
        assertThat(registry.counter("lettersvisits.erasures.reapplied").count()).isGreaterThanOrEqualTo(countedBefore + 1);
        assertThat(hasKey(id)).isFalse();
        assertThat(erasedEvents(id)).singleElement().satisfies(row -> assertThat(row.getString("actor"))
                .isEqualTo("system:erasure-ledger"));
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .body("petitionerErased", equalTo(true)).body("petitioner", equalTo(null));
        assertThat(given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(Map.of("idNumber", person.idNumber())).post("/api/petitions/search").then().statusCode(200)
                .extract().<Integer>path("total")).isZero();

        assertThat(replay.replay().reapplied()).as("read again, nothing is left to apply").isZero();
        assertThat(erasedEvents(id)).hasSize(1);
    }

    @Test
    void a_data_key_brought_back_by_a_restore_is_deleted_again_and_the_erasure_is_recorded_once() {
        Person person = ledgerPerson();
        String id = register(person);
        Row backup = pool.preparedQuery("SELECT petition_id, wrapped_key, kek_id FROM petitioner_key WHERE petition_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next();
        erase(id, Map.of("reason", "asked")).statusCode(200);
        await().atMost(WAIT).until(() -> ledgerEntryOf(id), Optional::isPresent);
        assertThat(ErasureLedger.read(ledgerEntryOf(id).orElseThrow().value()).legalGround())
                .isEqualTo(LegalGround.PETITIONER_REQUEST);
        pool.preparedQuery("INSERT INTO petitioner_key (petition_id, wrapped_key, kek_id) VALUES ($1, $2, $3)")
                .execute(Tuple.of(backup.getUUID("petition_id"), backup.getBuffer("wrapped_key").getDelegate(), backup.getString("kek_id")))
                .await().atMost(WAIT);
        assertThat(hasKey(id)).isTrue();

        assertThat(replay.replay().reapplied()).isGreaterThanOrEqualTo(1);

        assertThat(hasKey(id)).isFalse();
        assertThat(erasedEvents(id)).hasSize(1);
    }

    @Test
    void an_unknown_legal_ground_is_refused_and_nothing_is_erased_or_recorded() {
        String id = register(ledgerPerson());

        erase(id, Map.of("reason", "asked", "legalGround", "BECAUSE")).statusCode(400)
                .contentType("application/problem+json");

        assertThat(hasKey(id)).isTrue();
        assertThat(erasedEvents(id)).isEmpty();
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM outbox WHERE topic = $1 AND record_key = $2")
                .execute(Tuple.of(ErasureLedger.TOPIC, id)).await().atMost(WAIT).iterator().next().getLong("n")).isZero();
        assertThat(ledgerEntryOf(id)).isEmpty();
    }

    @Test
    void the_service_is_ready_only_once_it_read_the_ledger_at_start() {
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'erasure ledger' }.status", equalTo("UP")));
    }

    private static String json(ErasureLedger.Entry entry) {
        try {
            return EventCodec.JSON.writeValueAsString(entry);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
