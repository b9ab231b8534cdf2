package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SharedDataKeyRecords;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The assignment board's list, {@code GET /api/cases/unassigned}: every law-and-litigation petition without a case,
 * oldest first, paged with a total, however many other petitions arrive after it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class UnassignedBoardTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Older than anything other tests register, so these petitions lead the list. */
    private static final LocalDate LONG_AGO = LocalDate.of(1999, 3, 1);

    @Inject
    Pool pool;

    @Test
    void a_law_petition_stays_on_the_board_behind_150_later_petitions_until_it_is_assigned() {
        PetitionRegistered law = petition(LONG_AGO, true, "XF-1999-00001");
        List<PetitionRegistered> later = IntStream.range(0, 150)
                .mapToObj(i -> petition(LONG_AGO.plusDays(1 + i % 20), false, String.format("XF-1999-1%04d", i))).toList();
        publish(law);
        publish(later.toArray(PetitionRegistered[]::new));
        awaitKnown(later.get(later.size() - 1).petitionId());
        awaitKnown(law.petitionId());

        JsonPath board = page(Users.SUPERVISOR, 0, 20).statusCode(200).extract().jsonPath();
        int at = board.getList("items.petitionId").indexOf(law.petitionId().toString());
        assertThat(at).as("the law petition on the first page, before everything received later").isNotNegative();
        assertThat(board.getString("items[" + at + "].caseNumber")).isEqualTo("XF-1999-00001");
        assertThat(board.getString("items[" + at + "].receivedOn")).isEqualTo("1999-03-01");
        assertThat(board.getList("items.petitionId")).as("petitions without law and litigation are not assigned")
                .doesNotContainAnyElementsOf(later.stream().map(p -> p.petitionId().toString()).toList());
        assertThat(board.getLong("total")).isPositive();

        CaseFixtures.assign(law.petitionId(), "COURT", Map.of("assignedOn", "2026-10-14")).statusCode(201);
        assertThat(page(Users.LEADER, 0, 100).statusCode(200).extract().jsonPath().getList("items.petitionId"))
                .doesNotContain(law.petitionId().toString());
    }

    @Test
    void pages_follow_the_oldest_first_order_with_the_total_on_every_page() {
        List<PetitionRegistered> three = IntStream.range(0, 3)
                .mapToObj(i -> petition(LONG_AGO.minusYears(5).plusDays(i), true, "XF-1994-0000" + i)).toList();
        publish(three.toArray(PetitionRegistered[]::new));
        three.forEach(p -> awaitKnown(p.petitionId()));

        JsonPath first = page(Users.SUPERVISOR, 0, 1).statusCode(200).extract().jsonPath();
        JsonPath second = page(Users.SUPERVISOR, 1, 1).statusCode(200).extract().jsonPath();
        JsonPath third = page(Users.SUPERVISOR, 2, 1).statusCode(200).extract().jsonPath();
        assertThat(List.of(first.getString("items[0].caseNumber"), second.getString("items[0].caseNumber"),
                third.getString("items[0].caseNumber"))).containsExactly("XF-1994-00000", "XF-1994-00001", "XF-1994-00002");
        assertThat(second.getLong("total")).isEqualTo(first.getLong("total")).isGreaterThanOrEqualTo(3);
        long waited = first.getLong("items[0].daysWaiting");
        assertThat(waited).isGreaterThan(365L * 30);
    }

    @Test
    void the_board_exports_oldest_first_for_the_supervisor_and_leaders() {
        PetitionRegistered waiting = petition(LocalDate.of(1996, 5, 1), true, "XF-1996-00007");
        publish(waiting);
        awaitKnown(waiting.petitionId());

        byte[] xlsx = given().header("Authorization", Users.LEADER.bearer()).get("/api/cases/unassigned/export?format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        List<List<String>> rows = org.lettersvisits.testsupport.ExportedRows.ofXlsx(xlsx);
        assertThat(rows.get(0)).containsExactly("信访编号", "接待日期", "已等待天数", "信访事由");
        List<List<String>> petitions = rows.subList(1, rows.size());
        assertThat(petitions).contains(List.of("XF-1996-00007", "1996-05-01",
                String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(1996, 5, 1),
                        LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))), "land dispute ruling"));
        assertThat(petitions.stream().map(r -> r.get(1)).toList()).as("oldest first").isSorted();
        byte[] csv = given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/cases/unassigned/export")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        assertThat(org.lettersvisits.testsupport.ExportedRows.ofCsv(csv)).isEqualTo(rows);
        given().header("Authorization", Users.POLICE.bearer()).get("/api/cases/unassigned/export").then().statusCode(403);
    }

    @Test
    void the_board_finds_a_waiting_petition_by_case_number_or_subject_words() {
        PetitionRegistered waiting = new PetitionRegistered(UUID.randomUUID(), "XF-1997-04242", Channel.VISIT,
                LocalDate.of(1997, 6, 1), 1, "集体土地征收补偿纠纷", true, null, false);
        publish(waiting);
        awaitKnown(waiting.petitionId());

        for (String q : new String[] { "XF-1997-04242", "1997-04242", "xf-1997-04242", "征收补偿" }) {
            JsonPath found = given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("q", q)
                    .get("/api/cases/unassigned").then().statusCode(200).extract().jsonPath();
            assertThat(found.getList("items.caseNumber", String.class)).as(q).containsExactly("XF-1997-04242");
            assertThat(found.getLong("total")).isEqualTo(1);
        }
        assertThat(given().header("Authorization", Users.LEADER.bearer()).queryParam("q", "1997-0424")
                .get("/api/cases/unassigned").then().statusCode(200).extract().jsonPath().getLong("total"))
                .as("a case number matches whole, not in part").isZero();
        byte[] csv = given().header("Authorization", Users.LEADER.bearer()).queryParam("q", "征收补偿")
                .get("/api/cases/unassigned/export").then().statusCode(200).extract().asByteArray();
        assertThat(org.lettersvisits.testsupport.ExportedRows.ofCsv(csv)).hasSize(2);
    }

    @Test
    void only_the_supervisor_and_leaders_see_the_board_and_a_page_beyond_the_cap_is_refused() {
        page(Users.POLICE, 0, 10).statusCode(403);
        page(Users.RECEPTION, 0, 10).statusCode(403);
        given().get("/api/cases/unassigned").then().statusCode(401);
        page(Users.SUPERVISOR, 200, 100).statusCode(400).contentType("application/problem+json");
        page(Users.SUPERVISOR, 0, 500).statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse page(Users user, int page, int size) {
        return given().header("Authorization", user.bearer()).get("/api/cases/unassigned?page=" + page + "&size=" + size)
                .then();
    }

    private static PetitionRegistered petition(LocalDate receivedOn, boolean law, String caseNumber) {
        return new PetitionRegistered(UUID.randomUUID(), caseNumber, Channel.LETTER, receivedOn, 1, "land dispute ruling",
                law, null, false);
    }

    private static void publish(PetitionRegistered... petitions) {
        SharedDataKeyRecords.share(Arrays.stream(petitions).map(PetitionRegistered::petitionId).toArray(UUID[]::new));
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(Arrays.stream(petitions)
                    .map(p -> CloudEventRecords.of(Topics.PETITION_EVENTS, p.petitionId(), p)).toList())
                    .awaitCompletion(WAIT);
        }
    }

    private void awaitKnown(UUID petitionId) {
        await().atMost(WAIT).until(() -> pool.preparedQuery("SELECT 1 FROM known_petition WHERE id = $1")
                .execute(Tuple.of(petitionId)).await().atMost(WAIT).size() == 1);
    }
}
