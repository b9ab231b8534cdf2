package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.with;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Oversized bodies, pages beyond reach and malformed ids are refused with a problem+json 4xx and write nothing. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BadInputTest {

    private static RequestSpecification reception() {
        return given().header("Authorization", Users.RECEPTION.bearer());
    }

    private static int found(String text) {
        return reception().queryParam("q", text).get("/api/petitions").then().statusCode(200).extract().path("total");
    }

    @Test
    void an_oversized_body_gets_413_as_problem_json_and_registers_nothing() {
        String marker = "oversized " + UUID.randomUUID();

        reception().contentType(ContentType.JSON).body(with(with(visit(), "subject", marker), "description", "x".repeat(70_000)))
                .post("/api/petitions").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("title", equalTo("Request Entity Too Large"));

        assertNothingFound(marker);
    }

    @Test
    void pages_beyond_reach_and_huge_sizes_get_400_as_problem_json() {
        reception().queryParam("page", 2_000_000_000).get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("page"));
        reception().queryParam("page", 100).queryParam("size", 100).get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json");
        reception().queryParam("size", 1_000_000).get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
        reception().queryParam("page", "99999999999999999999").get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json");
        reception().contentType(ContentType.JSON).body(Map.of("q", "x", "page", 5_000, "size", 100))
                .post("/api/petitions/search").then().statusCode(400).contentType("application/problem+json");
        reception().queryParam("page", 99).queryParam("size", 100).get("/api/petitions").then().statusCode(200);
    }

    @Test
    void malformed_ids_get_a_4xx_problem_and_write_nothing() {
        reception().get("/api/petitions/not-a-uuid").then().statusCode(greaterThanOrEqualTo(400))
                .statusCode(lessThan(500)).contentType("application/problem+json");
        reception().contentType(ContentType.JSON).body(Map.of("note", "again")).post("/api/petitions/42/visits").then()
                .statusCode(greaterThanOrEqualTo(400)).statusCode(lessThan(500)).contentType("application/problem+json");
        given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/admin/petitioners/%27%20OR%201=1--/erasure").then().statusCode(greaterThanOrEqualTo(400))
                .statusCode(lessThan(500)).contentType("application/problem+json");
    }

    private static void assertNothingFound(String marker) {
        org.assertj.core.api.Assertions.assertThat(found(marker)).isZero();
    }
}
