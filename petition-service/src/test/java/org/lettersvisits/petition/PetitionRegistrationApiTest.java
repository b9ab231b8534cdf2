package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.lettersvisits.petition.PetitionBodies.THURSDAY;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.with;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

import java.util.stream.Stream;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionRegistrationApiTest {

    @Inject
    Pool pool;

    static ValidatableResponse post(Object body) {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/petitions").then();
    }

    long storedEvents() {
        return pool.query("SELECT count(*) AS n FROM event").execute().await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }

    @Test
    void a_visit_on_a_wednesday_is_registered_on_a_joint_visit_day() {
        String id = post(visit()).statusCode(201)
                .header("Location", containsString("/api/petitions/"))
                .body("caseNumber", matchesPattern("XF-\\d{4}-\\d{5}"))
                .body("status", equalTo("REGISTERED"))
                .body("jointVisitDay", equalTo(true))
                .body("version", equalTo(1))
                .extract().path("id");

        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .body("petitioner.name", equalTo("Wang Min"))
                .body("receivedOn", equalTo("2026-10-14"))
                .body("status", equalTo("REGISTERED"))
                .body("visits", hasSize(1))
                .body("timeline.type", contains("petition.registered-sealed.v1"))
                .body("timeline[0].actor", equalTo("reception1"))
                .body("timeline[0].facts.channel", equalTo("VISIT"));
    }

    @Test
    void a_letter_or_a_visit_on_another_day_is_not_a_joint_visit_day() {
        post(with(visit(), "channel", "LETTER")).statusCode(201).body("jointVisitDay", equalTo(false));
        post(with(visit(), "receivedOn", THURSDAY)).statusCode(201).body("jointVisitDay", equalTo(false));
    }

    @Test
    void received_on_defaults_to_today_in_the_committee_time_zone() {
        String id = post(with(visit(), "receivedOn", null)).statusCode(201).extract().path("id");

        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then()
                .body("receivedOn", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    }

    static Stream<Arguments> invalidBodies() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        return Stream.of(
                Arguments.of(with(visit(), "channel", null), "channel"),
                Arguments.of(with(visit(), "channel", "FAX"), "channel"),
                Arguments.of(with(visit(), "subject", " "), "subject"),
                Arguments.of(with(visit(), "subject", "x".repeat(201)), "subject"),
                Arguments.of(with(visit(), "description", "x".repeat(4001)), "description"),
                Arguments.of(with(visit(), "headcount", 0), "headcount"),
                Arguments.of(with(visit(), "receivedOn", tomorrow), "receivedOn"),
                Arguments.of(with(visit(), "receivedOn", "14/10/2026"), "receivedOn"),
                Arguments.of(with(visit(), "involvesLawAndLitigation", null), "involvesLawAndLitigation"),
                Arguments.of(with(visit(), "petitioner", null), "petitioner"),
                Arguments.of(withPetitioner(visit(), "name", ""), "petitioner.name"),
                Arguments.of(withPetitioner(visit(), "idNumber", "130100199312266954"), "petitioner.idNumber"),
                Arguments.of(withPetitioner(visit(), "phone", "call me"), "petitioner.phone"),
                Arguments.of(with(visit(), "escalatedTo", "MOON"), "escalatedTo"));
    }

    @ParameterizedTest(name = "invalid {1} gets 400 naming it")
    @MethodSource("invalidBodies")
    void an_invalid_field_gets_a_problem_naming_it_and_writes_nothing(Map<String, Object> body, String field) {
        long before = storedEvents();

        post(body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("violations.field", hasItem(field));

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void malformed_json_gets_400_problem_and_writes_nothing() {
        long before = storedEvents();

        post("{\"channel\": \"VISIT\", ").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void an_oversized_body_gets_413() {
        post(with(visit(), "description", "x".repeat(70_000))).statusCode(413);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_result_and_writes_nothing() {
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", Users.RECEPTION.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(visit()).post("/api/petitions")
                .then().statusCode(201).extract().asString();
        long after = storedEvents();

        String retry = given().header("Authorization", Users.RECEPTION.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(visit()).post("/api/petitions")
                .then().statusCode(201).extract().asString();

        assertThat(retry).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(after);
    }

    @Test
    void the_same_idempotency_key_with_another_body_gets_422() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", Users.RECEPTION.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(visit()).post("/api/petitions").then().statusCode(201);

        given().header("Authorization", Users.RECEPTION.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(with(visit(), "subject", "another matter")).post("/api/petitions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(key));
    }

    @Test
    void a_repeat_visit_is_linked_to_the_petition_and_shown_in_its_visits_and_timeline() {
        String id = post(visit()).statusCode(201).extract().path("id");

        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(Map.of("receivedOn", "2026-10-21", "receivedBy", "Duty leader E", "note", "asks about progress"))
                .post("/api/petitions/" + id + "/visits")
                .then().statusCode(201).header("Location", endsWith("/api/petitions/" + id));

        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200)
                .body("visits.receivedOn", contains("2026-10-14", "2026-10-21"))
                .body("visits[1].note", equalTo("asks about progress"))
                .body("timeline.type", contains("petition.registered-sealed.v1", "petition.repeat-visit-recorded.v1"))
                .body("version", equalTo(2));
    }

    @Test
    void a_repeat_visit_for_an_unknown_petition_gets_404() {
        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/petitions/" + UUID.randomUUID() + "/visits")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_repeat_visit_in_the_future_gets_400() {
        String id = post(visit()).statusCode(201).extract().path("id");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(Map.of("receivedOn", tomorrow)).post("/api/petitions/" + id + "/visits")
                .then().statusCode(400).body("violations.field", hasItem("receivedOn"));
    }

    @Test
    void an_unknown_petition_gets_404_problem() {
        given().header("Authorization", Users.LEADER.bearer()).get("/api/petitions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
