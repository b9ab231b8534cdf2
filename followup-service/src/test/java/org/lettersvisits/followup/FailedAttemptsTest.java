package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.followup.scheduling.ReturnVisitWatcher;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Calls that did not reach the petitioner ({@code POST /api/return-visits/{id}/attempts}): recorded any number of
 * times before the completion, shown on the worklist as {@code attempts} and {@code lastAttempt}, published with their
 * notes sealed, and never a reason for the visit not to be overdue.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class FailedAttemptsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOTES = "拨打李桂兰13700002222两次无人接听";

    @Inject
    Pool pool;

    @Inject
    ReturnVisitWatcher watcher;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static ValidatableResponse attempt(String visitId, Map<String, Object> body) {
        return given().header("Authorization", Users.FOLLOWUP.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/return-visits/" + visitId + "/attempts").then();
    }

    /** A return visit and its case. */
    record Visit(UUID caseId, String id) {
    }

    /** The visit of a case closed {@code daysAgo} days ago. */
    private Visit visitClosed(int daysAgo) {
        UUID caseId = UUID.randomUUID();
        ReturnVisitApiTest.close(caseId, today.minusDays(daysAgo), UUID.randomUUID());
        return new Visit(caseId, ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].id"));
    }

    /** The visit as the worklist lists it. */
    static JsonPath listed(Visit visit) {
        return given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("caseId", visit.caseId().toString())
                .get("/api/return-visits").then().statusCode(200).extract().jsonPath().setRootPath("items[0]");
    }

    private long events(String visitId) {
        return pool.preparedQuery("SELECT count(*) FROM event WHERE aggregate_id = $1").execute(Tuple.of(UUID.fromString(visitId)))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void failed_attempts_are_counted_on_the_worklist_with_the_latest_and_published_by_the_signed_in_visitor() throws Exception {
        Visit v = visitClosed(5);
        String visit = v.id();
        UUID caseId = v.caseId();

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> published = kafka.consumeStrings().withGroupId("attempts-" + visit)
                        .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.FOLLOWUP_EVENTS,
                                r -> r.select().where(rec -> new String(rec.headers().lastHeader("ce_type").value())
                                        .equals("return-visit.attempt-failed.v1")
                                        && rec.key().equals(caseId.toString())))) {
            attempt(visit, Map.of("reason", "NO_ANSWER", "notes", NOTES, "attemptedOn", today.minusDays(1).toString()))
                    .statusCode(201).body("id", equalTo(visit)).body("attempts", equalTo(1))
                    .body("lastAttempt.attemptedOn", equalTo(today.minusDays(1).toString()))
                    .body("lastAttempt.reason", equalTo("NO_ANSWER")).body("status", equalTo("PENDING"));
            // recorded late, on an earlier day: counted, but not the latest
            attempt(visit, Map.of("reason", "WRONG_NUMBER", "attemptedOn", today.minusDays(3).toString(),
                    "visitor", "回访员 王")).statusCode(201).body("attempts", equalTo(2))
                    .body("lastAttempt.reason", equalTo("NO_ANSWER"));
            attempt(visit, Map.of("reason", "REFUSED")).statusCode(201).body("attempts", equalTo(3))
                    .body("lastAttempt.attemptedOn", equalTo(today.toString())).body("lastAttempt.reason", equalTo("REFUSED"));

            JsonPath listed = listed(v);
            assertThat(listed.getInt("attempts")).isEqualTo(3);
            assertThat(listed.getString("lastAttempt.reason")).isEqualTo("REFUSED");
            assertThat(listed.getString("status")).isEqualTo("PENDING");

            published.awaitRecords(3, WAIT);
            List<JsonNode> attempts = published.getRecords().stream().map(r -> read(r.value())).toList();
            assertThat(attempts).extracting(a -> a.path("visitor").asText())
                    .as("the signed-in user's name where the request names nobody").containsExactly("followup1", "回访员 王", "followup1");
            assertThat(attempts).extracting(a -> a.path("reason").asText()).containsExactly("NO_ANSWER", "WRONG_NUMBER", "REFUSED");
            assertThat(published.getRecords()).allSatisfy(r -> assertThat(r.value()).doesNotContain("13700002222"));
        }
    }

    private static JsonNode read(String value) {
        try {
            return EventCodec.JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_attempts_notes_are_sealed_in_the_event_store_and_not_kept_on_the_worklist() {
        Visit v = visitClosed(2);
        String visit = v.id();
        attempt(visit, Map.of("reason", "NO_ANSWER", "notes", NOTES)).statusCode(201);

        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND type = 'return-visit.attempt-failed.v1' "
                + "AND payload::text LIKE '%sealed:v1:%'", visit)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND payload::text LIKE '%13700002222%'", visit))
                .isZero();
        assertThat(count("SELECT count(*) FROM return_visit_view WHERE id = $1 AND row_to_json(return_visit_view)::text "
                + "LIKE '%13700002222%'", visit)).as("the worklist's row").isZero();
    }

    private long count(String sql, String visitId) {
        return pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(visitId))).await().atMost(WAIT).iterator().next()
                .getLong(0);
    }

    @Test
    void no_attempt_is_recorded_once_the_visit_is_completed() {
        Visit v = visitClosed(3);
        String visit = v.id();
        ReturnVisitApiTest.complete(visit, Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED",
                "petitionerWithdraws", true)).statusCode(200);

        attempt(visit, Map.of("reason", "NO_ANSWER")).statusCode(409).contentType(startsWith("application/problem+json"));
        assertThat(listed(v).getInt("attempts")).isZero();
    }

    @Test
    void an_attempt_before_the_closing_date_or_in_the_future_is_unprocessable() {
        Visit v = visitClosed(3);
        String visit = v.id();

        attempt(visit, Map.of("reason", "NO_ANSWER", "attemptedOn", today.minusDays(4).toString())).statusCode(422)
                .contentType(startsWith("application/problem+json"));
        attempt(visit, Map.of("reason", "NO_ANSWER", "attemptedOn", today.plusDays(1).toString())).statusCode(422)
                .contentType(startsWith("application/problem+json"));
        attempt(visit, Map.of("reason", "NO_ANSWER", "attemptedOn", today.minusDays(3).toString())).statusCode(201);
    }

    @Test
    void a_missing_or_unknown_reason_is_a_bad_request_that_writes_nothing() {
        Visit v = visitClosed(3);
        String visit = v.id();
        long before = events(visit);

        attempt(visit, Map.of("notes", "no reason given")).statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations.field", hasItem("reason"));
        attempt(visit, Map.of("reason", "BUSY")).statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations.field", hasItem("reason"));
        attempt(visit, Map.of("reason", "NO_ANSWER", "notes", "x".repeat(4001))).statusCode(400)
                .body("violations.field", hasItem("notes"));

        assertThat(events(visit)).isEqualTo(before);
        JsonPath listed = listed(v);
        assertThat(listed.getInt("attempts")).isZero();
        assertThat(listed.getString("lastAttempt")).isNull();
    }

    @Test
    void only_return_visit_officers_record_attempts_and_an_unknown_visit_is_not_found() {
        Visit v = visitClosed(3);
        String visit = v.id();
        for (Users user : Users.values()) {
            if (user != Users.FOLLOWUP) {
                given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                        .body(Map.of("reason", "NO_ANSWER")).post("/api/return-visits/" + visit + "/attempts")
                        .then().statusCode(403);
            }
        }
        given().contentType(ContentType.JSON).body(Map.of("reason", "NO_ANSWER"))
                .post("/api/return-visits/" + visit + "/attempts").then().statusCode(401);
        attempt(UUID.randomUUID().toString(), Map.of("reason", "NO_ANSWER")).statusCode(404)
                .contentType(startsWith("application/problem+json"));
        assertThat(listed(v).getInt("attempts")).isZero();
    }

    @Test
    void a_visit_tried_without_success_still_becomes_overdue() {
        Visit v = visitClosed(40);
        String visit = v.id();
        attempt(visit, Map.of("reason", "WRONG_NUMBER", "attemptedOn", today.minusDays(30).toString())).statusCode(201)
                .body("status", equalTo("OVERDUE"));

        watcher.checkOnce().await().atMost(WAIT);
        assertThat(count("SELECT count(*) FROM event WHERE aggregate_id = $1 AND type = 'return-visit.became-overdue.v1'",
                visit)).isEqualTo(1);
        JsonPath listed = listed(v);
        assertThat(listed.getString("status")).isEqualTo("OVERDUE");
        assertThat(listed.getInt("attempts")).isEqualTo(1);
        assertThat(listed.getString("petitionId")).as("a case never assigned here names no petition").isNull();
    }
}
