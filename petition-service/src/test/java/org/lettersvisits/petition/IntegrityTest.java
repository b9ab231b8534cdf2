package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.EventLogIntegrity;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The event log is tamper-evident: an administrator's integrity check names the first event whose stored
 * row was altered, or whose stream lost its last event, and an erasure breaks nothing. Each test puts
 * back what it altered.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IntegrityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    EventLogIntegrity integrity;

    private static String registerWithRepeatVisit() {
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(visit())
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(Map.of("receivedOn", PetitionBodies.THURSDAY, "receivedBy", "Duty leader E", "note", "asks again"))
                .post("/api/petitions/" + id + "/visits").then().statusCode(201);
        return id;
    }

    private static JsonPath integrity() {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/integrity").then().statusCode(200)
                .extract().jsonPath();
    }

    private Row event(String petitionId, int version) {
        return pool.preparedQuery("""
                SELECT position, event_id, aggregate_type, aggregate_id, version, type, payload::text AS payload_text, actor,
                       correlation_id, causation_id, recorded_at, transaction_id::text AS transaction_text
                FROM event WHERE aggregate_id = $1 AND version = $2""")
                .execute(Tuple.of(UUID.fromString(petitionId), version)).await().atMost(WAIT).iterator().next();
    }

    @Test
    void an_untouched_log_is_intact_and_an_erasure_breaks_nothing() {
        String id = registerWithRepeatVisit();
        integrity.anchor().await().atMost(WAIT);

        given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "the petitioner's request")).post("/api/admin/petitioners/" + id + "/erasure")
                .then().statusCode(200);

        JsonPath report = integrity();
        assertThat(report.getBoolean("ok")).as(report.prettify()).isTrue();
        assertThat(report.getLong("checked")).isGreaterThanOrEqualTo(3);
        assertThat(report.getLong("anchors")).isPositive();
        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/admin/integrity").then().statusCode(403);
    }

    @Test
    void an_altered_row_is_reported_as_the_first_broken_event_until_it_is_put_back() {
        String id = registerWithRepeatVisit();
        Row original = event(id, 1);
        String eventId = original.getUUID("event_id").toString();

        pool.preparedQuery("UPDATE event SET payload = jsonb_set(payload, '{subject}', '\"nothing to see\"') WHERE event_id = $1")
                .execute(Tuple.of(original.getUUID("event_id"))).await().atMost(WAIT);
        try {
            JsonPath report = integrity();
            assertThat(report.getBoolean("ok")).isFalse();
            assertThat(report.getLong("brokenEvents")).isEqualTo(1);
            assertThat(report.getString("firstBroken.eventId")).isEqualTo(eventId);
            assertThat(report.getString("firstBroken.problem")).contains("altered");
        } finally {
            pool.preparedQuery("UPDATE event SET payload = $2::text::jsonb WHERE event_id = $1")
                    .execute(Tuple.of(original.getUUID("event_id"), original.getString("payload_text"))).await().atMost(WAIT);
        }
        assertThat(integrity().getBoolean("ok")).isTrue();
    }

    @Test
    void a_stream_that_lost_its_last_event_breaks_the_anchor() {
        String id = registerWithRepeatVisit();
        integrity.anchor().await().atMost(WAIT);
        Row last = event(id, 2);

        pool.preparedQuery("DELETE FROM event WHERE event_id = $1").execute(Tuple.of(last.getUUID("event_id")))
                .await().atMost(WAIT);
        try {
            JsonPath report = integrity();
            assertThat(report.getBoolean("ok")).isFalse();
            // every remaining event still chains; the head the anchor recorded is named
            assertThat(report.getLong("brokenEvents")).isEqualTo(1);
            assertThat(report.getString("firstBroken.aggregateId")).isEqualTo(id);
            assertThat(report.getInt("firstBroken.version")).isEqualTo(2);
            assertThat(report.getString("firstBroken.problem")).contains("is gone");
        } finally {
            pool.preparedQuery("""
                    INSERT INTO event (position, event_id, aggregate_type, aggregate_id, version, type, payload, actor,
                        correlation_id, causation_id, recorded_at, transaction_id)
                    VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11, $12::text::xid8)""")
                    .execute(Tuple.from(java.util.Arrays.asList(last.getLong("position"), last.getUUID("event_id"),
                            last.getString("aggregate_type"), last.getUUID("aggregate_id"), last.getInteger("version"),
                            last.getString("type"), last.getString("payload_text"), last.getString("actor"),
                            last.getUUID("correlation_id"), last.getUUID("causation_id"), last.getOffsetDateTime("recorded_at"),
                            last.getString("transaction_text"))))
                    .await().atMost(WAIT);
        }
        assertThat(integrity().getBoolean("ok")).isTrue();
    }

    @Test
    void two_instances_anchoring_at_once_make_one_anchor_and_the_chain_holds() {
        registerWithRepeatVisit();
        long before = integrity().getLong("anchors");

        var both = io.smallrye.mutiny.Uni.combine().all().unis(integrity.anchor(), integrity.anchor()).asTuple()
                .await().atMost(WAIT);

        assertThat(java.util.List.of(both.getItem1(), both.getItem2())).filteredOn(java.util.Optional::isPresent).hasSize(1);
        JsonPath report = integrity();
        assertThat(report.getLong("anchors")).isEqualTo(before + 1);
        assertThat(report.getBoolean("ok")).as(report.prettify()).isTrue();
    }
}
