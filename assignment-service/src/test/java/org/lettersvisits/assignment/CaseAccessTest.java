package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lettersvisits.assignment.CaseFixtures.assignedCase;
import static org.lettersvisits.assignment.CaseFixtures.publishedPetition;
import static org.lettersvisits.assignment.CaseFixtures.queueIds;
import static org.lettersvisits.testsupport.Users.DEPARTMENT_LEADER;
import static org.lettersvisits.testsupport.Users.JUDGE;
import static org.lettersvisits.testsupport.Users.JUSTICE;
import static org.lettersvisits.testsupport.Users.LEADER;
import static org.lettersvisits.testsupport.Users.POLICE;
import static org.lettersvisits.testsupport.Users.PROCURATOR;
import static org.lettersvisits.testsupport.Users.SUPERVISOR;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of assignment-service with every role, on a case held by public security: the
 * allowed roles succeed, every other role gets 403, and so does another department's officer. Public
 * security's department leader reads the case and its queue and acts on nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CaseAccessTest {

    private static final List<Users> POLICE_AND_OVERSIGHT = List.of(POLICE, SUPERVISOR, LEADER, DEPARTMENT_LEADER);

    /** One endpoint: its call on a fresh case held by public security, who may call it, and their status. */
    record Endpoint(String name, List<Users> allowed, int success, Function<RequestSpecification, Response> call) {
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /api/cases", List.of(SUPERVISOR), 201,
                        r -> r.contentType(ContentType.JSON).body(Map.of("petitionId", publishedPetition(true).toString(),
                                "department", "COURT", "responsibleLeader", "Vice President Li")).post("/api/cases")),
                new Endpoint("GET /api/cases/{id}", POLICE_AND_OVERSIGHT, 200,
                        r -> r.get("/api/cases/" + assignedCase("PUBLIC_SECURITY"))),
                new Endpoint("POST /api/cases/{id}/accept", List.of(POLICE), 200,
                        r -> r.post("/api/cases/" + assignedCase("PUBLIC_SECURITY") + "/accept")),
                new Endpoint("POST /api/cases/{id}/close", List.of(POLICE), 200,
                        r -> r.contentType(ContentType.JSON).body(Map.of("resolution", "solved"))
                                .post("/api/cases/" + assignedCase("PUBLIC_SECURITY") + "/close")),
                new Endpoint("POST /api/cases/{id}/suspend", List.of(POLICE), 200,
                        r -> r.contentType(ContentType.JSON).body(Map.of("reason", "withdrawn"))
                                .post("/api/cases/" + assignedCase("PUBLIC_SECURITY") + "/suspend")),
                new Endpoint("POST /api/cases/{id}/resume", List.of(POLICE, SUPERVISOR), 200,
                        r -> r.post("/api/cases/" + suspendedCase() + "/resume")),
                new Endpoint("POST /api/cases/{id}/transfer", List.of(SUPERVISOR), 200,
                        r -> r.contentType(ContentType.JSON).body(Map.of("department", "COURT", "reason", "court matter"))
                                .post("/api/cases/" + assignedCase("PUBLIC_SECURITY") + "/transfer")),
                new Endpoint("POST /api/cases/{id}/deadline", List.of(SUPERVISOR, LEADER), 200,
                        r -> r.contentType(ContentType.JSON).body(Map.of("deadline", "2026-12-31", "reason", "extended"))
                                .post("/api/cases/" + assignedCase("PUBLIC_SECURITY") + "/deadline")),
                new Endpoint("GET /api/queues/public-security", POLICE_AND_OVERSIGHT, 200,
                        r -> r.get("/api/queues/public-security")),
                new Endpoint("GET /api/cases/overdue", List.of(SUPERVISOR, LEADER, DEPARTMENT_LEADER), 200,
                        r -> r.get("/api/cases/overdue")));
    }

    private static UUID suspendedCase() {
        UUID id = assignedCase("PUBLIC_SECURITY");
        given().header("Authorization", POLICE.bearer()).contentType(ContentType.JSON).body(Map.of("reason", "withdrawn"))
                .post("/api/cases/" + id + "/suspend").then().statusCode(200);
        return id;
    }

    static Stream<Arguments> everyEndpointWithEveryUser() {
        return endpoints().stream().flatMap(e -> Arrays.stream(Users.values()).map(u -> Arguments.of(e.name(), u, e)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointWithEveryUser")
    void only_the_allowed_roles_and_the_holding_department_get_through(String name, Users user, Endpoint endpoint) {
        int expected = endpoint.allowed().contains(user) ? endpoint.success() : 403;
        endpoint.call().apply(given().header("Authorization", user.bearer())).then().statusCode(expected);
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("endpointsOnly")
    void no_token_gets_401(String name, Endpoint endpoint) {
        given().get("/api/cases/" + UUID.randomUUID()).then().statusCode(401);
        endpoint.call().apply(given()).then().statusCode(401);
    }

    static Stream<Arguments> endpointsOnly() {
        return endpoints().stream().map(e -> Arguments.of(e.name(), e));
    }

    @Test
    void another_departments_officer_never_sees_the_case_in_a_queue() {
        UUID id = assignedCase("PUBLIC_SECURITY");
        for (Users other : List.of(PROCURATOR, JUDGE, JUSTICE)) {
            String own = other == PROCURATOR ? "procuratorate" : other == JUDGE ? "court" : "justice-bureau";
            assertThat(queueIds(other, own), not(hasItem(id.toString())));
            given().header("Authorization", other.bearer()).get("/api/queues/public-security").then().statusCode(403);
            given().header("Authorization", other.bearer()).get("/api/cases/" + id).then().statusCode(403);
        }
        assertThat(queueIds(POLICE, "public-security"), hasItem(id.toString()));
    }


    @Test
    void an_unknown_department_queue_gets_404() {
        given().header("Authorization", SUPERVISOR.bearer()).get("/api/queues/tax-office").then().statusCode(404);
    }
}
