package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.testsupport.Users.ADMIN;
import static org.lettersvisits.testsupport.Users.DEPARTMENT_LEADER;
import static org.lettersvisits.testsupport.Users.LEADER;
import static org.lettersvisits.testsupport.Users.RECEPTION;
import static org.lettersvisits.testsupport.Users.SUPERVISOR;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of petition-service with every role: allowed roles succeed, the others get 403, no token 401. The
 * petition read has no case yet, so no department's officer or leader reads it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionAccessTest {

    private static String petitionId;

    /** One endpoint: how to call it, which users may, and what they get. */
    record Endpoint(String name, List<Users> allowed, int success, Call call) {
    }

    interface Call {
        io.restassured.response.Response send(RequestSpecification request);
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST /api/petitions", List.of(RECEPTION, SUPERVISOR), 201,
                    r -> r.contentType(ContentType.JSON).body(visit()).post("/api/petitions")),
            new Endpoint("POST /api/petitions/{id}/visits", List.of(RECEPTION), 201,
                    r -> r.contentType(ContentType.JSON).body(Map.of("note", "again"))
                            .post("/api/petitions/" + petitionId() + "/visits")),
            new Endpoint("GET /api/petitions/{id}", List.of(RECEPTION, SUPERVISOR, LEADER), 200,
                    r -> r.get("/api/petitions/" + petitionId())),
            new Endpoint("GET /api/petitions", List.of(RECEPTION, SUPERVISOR, LEADER, DEPARTMENT_LEADER), 200,
                    r -> r.get("/api/petitions")),
            new Endpoint("POST /api/petitions/search", List.of(RECEPTION, SUPERVISOR, LEADER, DEPARTMENT_LEADER), 200,
                    r -> r.contentType(ContentType.JSON).body(Map.of("idNumber", "130100199312266955"))
                            .post("/api/petitions/search")),
            new Endpoint("GET /api/admin/record-views", List.of(ADMIN), 200, r -> r.get("/api/admin/record-views")),
            new Endpoint("GET /api/calendar", List.of(RECEPTION, SUPERVISOR, LEADER, DEPARTMENT_LEADER, ADMIN), 200,
                    r -> r.get("/api/calendar")));

    /** A petition to read and visit, registered once the service is up. */
    private static synchronized String petitionId() {
        if (petitionId == null) {
            petitionId = given().header("Authorization", RECEPTION.bearer()).contentType(ContentType.JSON).body(visit())
                    .post("/api/petitions").then().statusCode(201).extract().path("id");
        }
        return petitionId;
    }

    static Stream<Arguments> everyEndpointWithEveryUser() {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Users.values())
                .map(user -> Arguments.of(endpoint.name(), user, endpoint)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointWithEveryUser")
    void only_the_allowed_roles_get_through(String name, Users user, Endpoint endpoint) {
        int expected = endpoint.allowed().contains(user) ? endpoint.success() : 403;
        endpoint.call().send(given().header("Authorization", user.bearer())).then().statusCode(expected);
    }

    static Stream<Arguments> everyEndpoint() {
        return ENDPOINTS.stream().map(endpoint -> Arguments.of(endpoint.name(), endpoint));
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("everyEndpoint")
    void no_token_gets_401(String name, Endpoint endpoint) {
        endpoint.call().send(given()).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} with a forged token")
    @MethodSource("everyEndpoint")
    void a_token_signed_by_someone_else_gets_401(String name, Endpoint endpoint) {
        String forged = RECEPTION.bearer().substring(0, RECEPTION.bearer().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        endpoint.call().send(given().header("Authorization", forged)).then().statusCode(401);
    }
}
