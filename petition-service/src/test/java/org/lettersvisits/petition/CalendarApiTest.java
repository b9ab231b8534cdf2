package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CalendarApiTest {

    @Test
    void lists_wednesdays_and_extra_days_but_not_cancelled_ones_with_duty_leaders() {
        // application.properties (test profile): extra day 2026-10-17 (a Saturday), cancelled 2026-10-07 (National Day)
        given().header("Authorization", Users.RECEPTION.bearer())
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-31")
                .get("/api/calendar").then().statusCode(200)
                .body("jointVisitDays", contains("2026-10-14", "2026-10-17", "2026-10-21", "2026-10-28"))
                .body("days", hasSize(31))
                .body("days.find { it.date == '2026-10-14' }.dutyLeaders.department", hasItem("PUBLIC_SECURITY"))
                .body("days.find { it.date == '2026-10-14' }.weekday", equalTo("WEDNESDAY"));
    }

    @Test
    void a_visit_on_a_cancelled_wednesday_is_not_a_joint_visit_day() {
        given().header("Authorization", Users.RECEPTION.bearer()).contentType("application/json")
                .body(PetitionBodies.with(PetitionBodies.visit(), "receivedOn", "2026-10-07"))
                .post("/api/petitions").then().statusCode(201).body("jointVisitDay", equalTo(false));
    }

    @Test
    void a_reversed_or_malformed_range_gets_400() {
        given().header("Authorization", Users.RECEPTION.bearer())
                .queryParam("from", "2026-10-31").queryParam("to", "2026-10-01")
                .get("/api/calendar").then().statusCode(400).body("violations.field", hasItem("to"));
        given().header("Authorization", Users.RECEPTION.bearer()).queryParam("from", "yesterday")
                .get("/api/calendar").then().statusCode(400).body("violations.field", hasItem("from"));
    }
}
