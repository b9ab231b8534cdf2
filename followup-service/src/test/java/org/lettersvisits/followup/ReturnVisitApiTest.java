package org.lettersvisits.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.followup.scheduling.ReturnVisitWatcher;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SharedDataKeyRecords;
import org.lettersvisits.testsupport.Users;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReturnVisitApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReturnVisitWatcher watcher;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    /** Publishes a closure on assignment-events as assignment-service would; returns the event id. */
    static UUID close(UUID caseId, LocalDate closedOn, UUID eventId) {
        return close(caseId, closedOn, eventId, caseId);
    }

    /** As {@link #close(UUID, LocalDate, UUID)}, under record key {@code key} (the same key, the same partition). */
    static UUID close(UUID caseId, LocalDate closedOn, UUID eventId, UUID key) {
        SharedDataKeyRecords.share(caseId); // as petition-service shares every petition's key
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, key, eventId,
                    new CaseClosed(caseId, "XF-2026-" + caseId.toString().substring(0, 5), Department.COURT,
                            "resolved according to law", closedOn)))
                    .awaitCompletion(WAIT);
        }
        return eventId;
    }

    static JsonPath visitsOf(UUID caseId, int expected) {
        await().atMost(WAIT).until(() -> given().header("Authorization", Users.FOLLOWUP.bearer())
                .queryParam("caseId", caseId.toString()).get("/api/return-visits").then().extract()
                .jsonPath().getInt("total") == expected);
        return given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("caseId", caseId.toString())
                .get("/api/return-visits").then().statusCode(200).extract().jsonPath();
    }

    static io.restassured.response.ValidatableResponse complete(String visitId, Map<String, Object> body) {
        return given().header("Authorization", Users.FOLLOWUP.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/return-visits/" + visitId + "/complete").then();
    }

    @Test
    void the_open_worklist_pages_to_its_end_showing_every_visit_not_completed_once() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID caseId = UUID.randomUUID();
            close(caseId, LocalDate.of(2026, 9, 1 + i), UUID.randomUUID());
            mine.add(visitsOf(caseId, 1).getString("items[0].id"));
        }
        List<String> seen = new ArrayList<>();
        long total = -1;
        for (int page = 0;; page++) {
            JsonPath list = given().header("Authorization", Users.FOLLOWUP.bearer())
                    .get("/api/return-visits?status=OPEN&size=2&page=" + page).then().statusCode(200).extract().jsonPath();
            total = total < 0 ? list.getLong("total") : total;
            assertThat(list.getLong("total")).isEqualTo(total);
            assertThat(list.getList("items.status", String.class)).doesNotContain("COMPLETED");
            if (list.getList("items").isEmpty()) {
                break;
            }
            seen.addAll(list.getList("items.id", String.class));
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().containsAll(mine);
    }

    @Test
    void the_worklist_exports_as_csv_and_excel_for_return_visit_staff_and_leaders_only() {
        UUID caseId = UUID.randomUUID();
        close(caseId, LocalDate.of(2026, 9, 7), UUID.randomUUID());
        String visitId = visitsOf(caseId, 1).getString("items[0].id");
        complete(visitId, Map.of("visitor", "回访员 陈", "satisfaction", "BASICALLY_SATISFIED", "petitionerWithdraws", true,
                "visitedOn", "2026-09-15")).statusCode(200);
        String caseNumber = "XF-2026-" + caseId.toString().substring(0, 5);

        byte[] csv = given().header("Authorization", Users.FOLLOWUP.bearer())
                .get("/api/return-visits/export?format=csv&status=COMPLETED&caseId=" + caseId).then().statusCode(200)
                .contentType("text/csv").extract().asByteArray();
        List<List<String>> rows = ExportedRows.ofCsv(csv);
        assertThat(rows).containsExactly(
                List.of("信访编号", "承办单位", "办结日期", "回访期限", "回访状态", "回访日期", "回访人", "满意度"),
                List.of(caseNumber, "法院", "2026-09-07", "2026-09-22", "已回访", "2026-09-15", "回访员 陈", "基本满意"));
        byte[] xlsx = given().header("Authorization", Users.LEADER.bearer())
                .get("/api/return-visits/export?format=xlsx&caseId=" + caseId).then().statusCode(200).extract().asByteArray();
        assertThat(ExportedRows.ofXlsx(xlsx)).isEqualTo(rows);

        for (Users outsider : List.of(Users.RECEPTION, Users.JUDGE, Users.ADMIN)) {
            given().header("Authorization", outsider.bearer()).get("/api/return-visits/export").then().statusCode(403);
        }
        given().header("Authorization", Users.FOLLOWUP.bearer()).get("/api/return-visits/export?format=ods").then()
                .statusCode(400).contentType("application/problem+json");
    }

    /** How many deliveries closed-cases recognised as redeliveries of an event it had applied: it changed nothing. */
    private double redeliveriesRecognised() {
        Counter counter = registry.find("lettersvisits.consumer.events")
                .tags("subscription", "closed-cases", "result", "already_applied").counter();
        return counter == null ? 0 : counter.count();
    }

    private long events(UUID visitId, String type) {
        return pool.preparedQuery("SELECT count(*) FROM event WHERE aggregate_id = $1 AND type = $2")
                .execute(Tuple.of(visitId, type)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void every_closure_schedules_one_return_visit_due_fifteen_days_later_even_when_delivered_twice() {
        UUID caseId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        double redeliveriesBefore = redeliveriesRecognised();
        close(caseId, LocalDate.of(2026, 11, 20), eventId);
        close(caseId, LocalDate.of(2026, 11, 20), eventId);
        // another case's closure on the same key, so on the same partition: once it is handled, both copies were
        UUID later = UUID.randomUUID();
        UUID laterEvent = close(later, LocalDate.of(2026, 11, 21), UUID.randomUUID(), caseId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(pool.preparedQuery(
                "SELECT count(*) FROM processed_event WHERE subscription = 'closed-cases' AND event_id = $1")
                .execute(Tuple.of(laterEvent)).await().atMost(WAIT).iterator().next().getLong(0))
                .as("the later closure on the partition, handled").isEqualTo(1));

        JsonPath visits = given().header("Authorization", Users.FOLLOWUP.bearer()).queryParam("caseId", caseId.toString())
                .get("/api/return-visits").then().statusCode(200).extract().jsonPath();
        assertThat(visits.getInt("total")).as("return visits of the closure delivered twice").isEqualTo(1);
        assertThat(visits.getString("items[0].dueBy")).isEqualTo("2026-12-05");
        assertThat(visits.getString("items[0].closedOn")).isEqualTo("2026-11-20");
        assertThat(visits.getString("items[0].department")).isEqualTo("COURT");
        assertThat(visits.getString("items[0].caseId")).isEqualTo(caseId.toString());
        // the second copy was recognised as a redelivery, not applied again
        await().atMost(WAIT).untilAsserted(() -> assertThat(redeliveriesRecognised() - redeliveriesBefore)
                .as("copies recognised as a redelivery").isGreaterThanOrEqualTo(1));
        assertThat(redeliveriesRecognised() - redeliveriesBefore).as("copies recognised as a redelivery").isEqualTo(1);
    }

    @Test
    void a_case_closed_again_after_reopening_gets_a_new_visit() {
        UUID caseId = UUID.randomUUID();
        close(caseId, LocalDate.of(2026, 5, 17), UUID.randomUUID());
        visitsOf(caseId, 1);
        close(caseId, LocalDate.of(2026, 6, 30), UUID.randomUUID());

        assertThat(visitsOf(caseId, 2).getList("items.closedOn")).containsExactlyInAnyOrder("2026-05-17", "2026-06-30");
    }

    @Test
    void completing_a_visit_records_the_outcome_once_and_publishes_it() {
        UUID caseId = UUID.randomUUID();
        close(caseId, LocalDate.of(2026, 11, 2), UUID.randomUUID());
        String visitId = visitsOf(caseId, 1).getString("items[0].id");

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> published = kafka.consumeStrings().withGroupId("followup-test-" + visitId)
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(Topics.FOLLOWUP_EVENTS, r -> r.select().where(rec -> rec.key().equals(caseId.toString())))) {
            complete(visitId, Map.of("visitor", "Visitor S", "satisfaction", "DISSATISFIED", "petitionerWithdraws", false,
                    "notes", "still disputes the amount", "reopen", true, "visitedOn", "2026-11-10"))
                    .statusCode(200).body("status", equalTo("COMPLETED")).body("satisfaction", equalTo("DISSATISFIED"));
            complete(visitId, Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED", "petitionerWithdraws", true))
                    .statusCode(409).contentType("application/problem+json");

            published.awaitRecords(2, WAIT); // keyed by the case, like every event of the case
            assertThat(published.getRecords()).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("ce_aggregateid")
                    .value())).isEqualTo(visitId));
            var completed = published.getRecords().stream()
                    .filter(r -> new String(r.headers().lastHeader("ce_type").value()).equals("return-visit.completed.v1"))
                    .findFirst().orElseThrow();
            assertThat(EventCodec.JSON.readTree(completed.value()).get("reopen").asBoolean()).isTrue();
            assertThat(new String(completed.headers().lastHeader("ce_actor").value())).isEqualTo("followup1");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        given().header("Authorization", Users.LEADER.bearer()).queryParam("status", "COMPLETED")
                .queryParam("caseId", caseId.toString()).get("/api/return-visits")
                .then().statusCode(200).body("items.id", hasItem(visitId));
    }

    @Test
    void a_completed_visit_names_the_closure_it_was_made_for_by_the_case_version_of_that_closure() throws Exception {
        UUID caseId = UUID.randomUUID();
        SharedDataKeyRecords.share(caseId);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, caseId, UUID.randomUUID(),
                    new CaseClosed(caseId, "XF-2026-" + caseId.toString().substring(0, 5), Department.COURT,
                            "resolved according to law", LocalDate.of(2026, 11, 2)), 5))
                    .awaitCompletion(WAIT);
        }
        String visitId = visitsOf(caseId, 1).getString("items[0].id");

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> published = kafka.consumeStrings().withGroupId("followup-closure-" + visitId)
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(Topics.FOLLOWUP_EVENTS, r -> r.select().where(rec -> rec.key().equals(caseId.toString())))) {
            complete(visitId, Map.of("visitor", "Visitor S", "satisfaction", "DISSATISFIED", "petitionerWithdraws", false,
                    "reopen", true, "visitedOn", "2026-11-10")).statusCode(200);

            published.awaitRecords(2, WAIT);
            assertThat(published.getRecords()).extracting(r -> EventCodec.JSON.readTree(r.value()).path("closureVersion").asInt())
                    .as("ReturnVisitScheduled and ReturnVisitCompleted name closure 5").containsExactly(5, 5);
        }
    }

    @Test
    void reopening_needs_a_dissatisfied_visit_and_a_visitor_is_required() {
        UUID caseId = UUID.randomUUID();
        close(caseId, LocalDate.of(2026, 11, 2), UUID.randomUUID());
        String visitId = visitsOf(caseId, 1).getString("items[0].id");

        complete(visitId, Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED", "petitionerWithdraws", true,
                "reopen", true)).statusCode(400).body("violations.field", hasItem("reopen"));
        complete(visitId, Map.of("satisfaction", "HAPPY", "petitionerWithdraws", true)).statusCode(400)
                .body("violations.field", hasItem("satisfaction"));
        complete(visitId, Map.of("satisfaction", "SATISFIED", "petitionerWithdraws", true)).statusCode(400)
                .body("violations.field", hasItem("visitor"));
        complete(UUID.randomUUID().toString(), Map.of("visitor", "V", "satisfaction", "SATISFIED",
                "petitionerWithdraws", true)).statusCode(404);
    }

    @Test
    void a_visit_past_its_due_date_is_overdue_and_recorded_once_by_two_watchers() {
        UUID caseId = UUID.randomUUID();
        close(caseId, LocalDate.of(2026, 1, 5), UUID.randomUUID());
        String visitId = visitsOf(caseId, 1).getString("items[0].id");

        given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("status", "OVERDUE")
                .queryParam("caseId", caseId.toString()).get("/api/return-visits").then()
                .body("items", hasSize(1)).body("items[0].status", equalTo("OVERDUE"));
        assertThat(events(UUID.fromString(visitId), "return-visit.became-overdue.v1")).isZero();
        List<Integer> counts = Uni.join().all(watcher.checkOnce(), watcher.checkOnce()).andFailFast().await().atMost(WAIT);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
        watcher.checkOnce().await().atMost(WAIT); // and once more later: nothing new for this visit

        assertThat(events(UUID.fromString(visitId), "return-visit.became-overdue.v1"))
                .as("ReturnVisitBecameOverdue recorded for the visit").isEqualTo(1);
    }

    @Test
    void only_followup_completes_and_followup_supervisor_and_leader_read() {
        UUID caseId = UUID.randomUUID();
        close(caseId, LocalDate.of(2026, 11, 2), UUID.randomUUID());
        String visitId = visitsOf(caseId, 1).getString("items[0].id");
        for (Users user : Users.values()) {
            boolean reads = List.of(Users.FOLLOWUP, Users.SUPERVISOR, Users.LEADER, Users.DEPARTMENT_LEADER).contains(user);
            given().header("Authorization", user.bearer()).get("/api/return-visits").then().statusCode(reads ? 200 : 403);
            if (user != Users.FOLLOWUP) {
                given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                        .body(Map.of("visitor", "V", "satisfaction", "SATISFIED", "petitionerWithdraws", true))
                        .post("/api/return-visits/" + visitId + "/complete").then().statusCode(403);
            }
        }
        given().get("/api/return-visits").then().statusCode(401);
        complete(visitId, Map.of("visitor", "V", "satisfaction", "SATISFIED", "petitionerWithdraws", true)).statusCode(200);
    }
}
