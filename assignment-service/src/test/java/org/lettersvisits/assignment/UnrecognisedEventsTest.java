package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ScrapedMetrics;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** An event of a type the service does not know is acknowledged but never disappears without a trace. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class UnrecognisedEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private static JsonPath unrecognised() {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/unrecognised-events").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath redrive() {
        return given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/unrecognised-events/redrive").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void a_type_assignment_does_not_know_is_kept_counted_and_listed_and_stays_until_it_is_understood() {
        UUID key = UUID.randomUUID();
        UUID unheardOf = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.raw(Topics.PETITION_EVENTS, key.toString(),
                    unheardOf.toString(), "petition.merged-with.v1", "{\"petitionId\":\"" + key + "\"}"))
                    .awaitCompletion(WAIT);
        }
        await().atMost(WAIT).until(() -> unrecognised().getList("items.eventId").contains(unheardOf.toString()));
        JsonPath kept = unrecognised();
        String at = "items.find { it.eventId == '" + unheardOf + "' }.";
        assertThat(kept.getString(at + "type")).isEqualTo("petition.merged-with.v1");
        assertThat(kept.getString(at + "subscription")).isEqualTo("known-petitions");
        assertThat(kept.getString(at + "topic")).isEqualTo(Topics.PETITION_EVENTS);
        assertThat(ScrapedMetrics.scrape().sum("lettersvisits_consumer_unrecognised_total",
                Map.of("subscription", "known-petitions", "type", "petition.merged-with.v1"))).isGreaterThanOrEqualTo(1);

        // a redrive before the upgrade changes nothing: it is still not understood, and still kept
        assertThat(redrive().getInt("stillUnrecognised")).isGreaterThanOrEqualTo(1);
        assertThat(unrecognised().getList("items.eventId")).contains(unheardOf.toString());
    }

    @Test
    void a_redrive_after_the_upgrade_applies_what_an_older_version_kept_and_forgets_it() {
        // kept by an older version of the service that did not know petition.registered.v2 yet
        PetitionRegistered petition = CaseFixtures.petition(true);
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> record = CloudEventRecords.of(Topics.PETITION_EVENTS, petition.petitionId(),
                eventId, petition);
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        pool.preparedQuery("""
                INSERT INTO unrecognised_event (subscription, event_id, type, source, topic, partition, record_offset,
                                                record_key, value, headers)
                VALUES ('known-petitions', $1, 'petition.registered.v2', 'petition-service', $2, 0, 0, $3, $4, $5)""")
                .execute(Tuple.tuple(List.of(eventId, Topics.PETITION_EVENTS, record.key(), record.value(),
                        new JsonObject(headers))))
                .await().atMost(WAIT);

        JsonPath report = redrive();
        assertThat(report.getInt("applied")).isGreaterThanOrEqualTo(1);
        assertThat(pool.preparedQuery("SELECT count(*) FROM known_petition WHERE id = $1").execute(Tuple.of(
                petition.petitionId())).await().atMost(WAIT).iterator().next().getLong(0)).isEqualTo(1);
        assertThat(unrecognised().getList("items.eventId")).doesNotContain(eventId.toString());

        given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/unrecognised-events/redrive").then()
                .statusCode(200).body("applied", equalTo(0)); // a second redrive finds nothing more to do
    }
}
