package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Overdue by the first statutory limit: a supervisor lists the petitions whose written notice of acceptance is late
 * (none recorded and the 15 days, to the next working day, past), in the look-up and its export.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NoticeLateSearchTest {

    private static String register(String subject, LocalDate receivedOn) {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(PetitionBodies.with(PetitionBodies.with(visit(), "subject", subject), "receivedOn", receivedOn.toString()))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    @Test
    void the_petitions_whose_written_notice_is_late_are_listed_and_a_recorded_notice_takes_one_off() {
        String word = "notice" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String late = register(word + " late", today.minusDays(40));
        String answered = register(word + " answered", today.minusDays(40));
        register(word + " recent", today.minusDays(3));
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(Map.of("accepted", true, "sentOn", today.minusDays(30).toString()))
                .post("/api/petitions/" + answered + "/acceptance-notice").then().statusCode(201);

        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(Map.of("q", word, "noticeLate", true)).post("/api/petitions/search").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", containsInAnyOrder(late));
        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/petitions?noticeLate=true&q=" + word)
                .then().statusCode(200).body("items.id", containsInAnyOrder(late));
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(Map.of("q", word)).post("/api/petitions/search").then().statusCode(200).body("total", equalTo(3));
    }
}
