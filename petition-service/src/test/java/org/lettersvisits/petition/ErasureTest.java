package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.petition.domain.PetitionRegistered;
import org.lettersvisits.petition.domain.SealedPetitioner;
import org.lettersvisits.petition.privacy.PetitionerKeys;
import org.lettersvisits.petition.privacy.Petitioners;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Crypto-shredding: a petitioner's personal data is sealed in the event store under a key of their own;
 * an administrator's erasure deletes the key, after which no read, no table and no topic yields the
 * person, while the petition, its timeline and its status stay.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    Petitioners petitioners;

    @Inject
    PetitionerKeys keys;

    /** A person no other test registers: a unique name, phone and valid ID number. */
    record Person(String name, String idNumber, String phone) {
        static Person unique() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String first17 = "110105" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(1000));
            return new Person("Erasable-" + UUID.randomUUID().toString().substring(0, 8), first17 + checkCharacter(first17),
                    "138" + String.format("%08d", random.nextInt(100_000_000)));
        }

        List<String> traces() {
            return List.of(name, idNumber, phone);
        }

        private static char checkCharacter(String first17) {
            int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * weights[i];
            }
            return "10X98765432".charAt(sum % 11);
        }
    }

    private static String register(Person person) {
        Map<String, Object> body = withPetitioner(withPetitioner(withPetitioner(visit(), "name", person.name()),
                "idNumber", person.idNumber()), "phone", person.phone());
        return given().header("Authorization", Users.RECEPTION.bearer()).header("Idempotency-Key", "erasure-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(body).post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse erase(Users user, String id, Object body) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/admin/petitioners/" + id + "/erasure").then();
    }

    private static int foundById(String idNumber) {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber)).post("/api/petitions/search").then().statusCode(200)
                .extract().path("total");
    }

    /** Every row of every table of the service's database whose text holds {@code needle}, as "table: row". */
    private List<String> rowsHolding(String needle) {
        List<String> tables = pool.query("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""").execute().await().atMost(WAIT)
                .stream().map(row -> row.getString("table_name")).toList();
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            for (Row row : pool.preparedQuery("SELECT t::text AS line FROM \"" + table + "\" t WHERE strpos(t::text, $1) > 0")
                    .execute(Tuple.of(needle)).await().atMost(WAIT)) {
                found.add(table + ": " + row.getString("line"));
            }
        }
        return found;
    }

    @Test
    void personal_data_is_stored_sealed_and_only_the_search_view_holds_it_in_clear() {
        Person person = Person.unique();
        String id = register(person);

        for (String trace : person.traces()) {
            assertThat(rowsHolding(trace)).as(trace).allSatisfy(row -> assertThat(row).startsWith("petition_view: "));
        }
        assertThat(rowsHolding(person.name())).hasSize(1);
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .body("petitioner.name", equalTo(person.name())).body("petitioner.idNumber", equalTo(person.idNumber()))
                .body("petitionerErased", equalTo(false));
    }

    @Test
    void an_erased_petitioner_is_gone_from_every_read_table_and_topic_while_the_petition_stays() {
        Person person = Person.unique();
        String id = register(person);
        assertThat(foundById(person.idNumber())).isEqualTo(1);

        erase(Users.ADMIN, id, Map.of("reason", "petitioner's request under PIPL")).statusCode(200)
                .body("petitionerErased", equalTo(true));

        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .body("petitionerErased", equalTo(true)).body("petitioner", equalTo(null))
                .body("caseNumber", org.hamcrest.Matchers.startsWith("XF-")).body("status", equalTo("REGISTERED"))
                .body("subject", equalTo(null)) // free text about the person goes with them
                .body("timeline.type", hasItem("petition.petitioner-erased.v1"));
        assertThat(foundById(person.idNumber())).isZero();
        given().header("Authorization", Users.RECEPTION.bearer()).queryParam("q", person.name()).get("/api/petitions")
                .then().statusCode(200).body("total", equalTo(0));
        String caseNumber = given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then()
                .extract().path("caseNumber");
        given().header("Authorization", Users.RECEPTION.bearer()).queryParam("q", caseNumber).get("/api/petitions")
                .then().statusCode(200).body("items.find { it.id == '" + id + "' }.petitionerErased", equalTo(true))
                .body("items.find { it.id == '" + id + "' }.subject", equalTo(""));

        for (String trace : person.traces()) {
            assertThat(rowsHolding(trace)).as(trace).isEmpty();
        }
        await().atMost(WAIT).until(() -> pool.preparedQuery("SELECT count(*) AS n FROM outbox WHERE record_key = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getLong("n") == 0);
        assertThat(TopicContents.read(Topics.PETITION_EVENTS)).filteredOn(r -> id.equals(r.key())).isNotEmpty()
                .allSatisfy(record -> person.traces().forEach(trace -> assertThat(record.value()).doesNotContain(trace)));

        // the sealed petitioner is still in the event, and without the data key nothing opens it
        String payload = pool.preparedQuery("SELECT payload::text AS p FROM event WHERE aggregate_id = $1 AND version = 1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next().getString("p");
        SealedPetitioner sealed = org.lettersvisits.contracts.EventCodec.JSON.convertValue(
                new io.vertx.core.json.JsonObject(payload).getMap(), PetitionRegistered.class).petitioner();
        assertThat(sealed.ciphertext()).startsWith("v1:");
        assertThat(keys.find(pool, UUID.fromString(id)).await().atMost(WAIT)).isEmpty();
        assertThat(petitioners.open(pool, UUID.fromString(id), sealed).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void only_an_administrator_erases_once_with_a_reason() {
        String id = register(Person.unique());

        erase(Users.SUPERVISOR, id, Map.of("reason", "asked")).statusCode(403);
        erase(Users.ADMIN, id, Map.of("reason", " ")).statusCode(400);
        erase(Users.ADMIN, UUID.randomUUID().toString(), Map.of("reason", "asked")).statusCode(404);
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then()
                .body("petitionerErased", equalTo(false));

        erase(Users.ADMIN, id, Map.of("reason", "asked")).statusCode(200);
        erase(Users.ADMIN, id, Map.of("reason", "asked again")).statusCode(409);
    }
}
