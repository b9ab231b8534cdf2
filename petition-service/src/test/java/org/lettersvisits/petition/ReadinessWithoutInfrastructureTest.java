package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.UnreachableInfrastructureProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(UnreachableInfrastructureProfile.class)
class ReadinessWithoutInfrastructureTest {

    @Test
    void readiness_is_down_while_database_and_kafka_are_unreachable() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.findAll { it.name.contains('PostgreSQL') }.status", hasItem("DOWN"))
                .body("checks.findAll { it.name.contains('Kafka') }.status", hasItem("DOWN"));
    }
}
