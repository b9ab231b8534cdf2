package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The identity provider refusing connections: a pass that has digests to send cannot learn the addresses, answers the
 * operator 503 with the reason, and claims and sends nothing, so the next pass starts from scratch.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(DirectoryAwayTest.KeycloakAway.class)
class DirectoryAwayTest {

    /** A port nothing listens on: connections to it are refused. */
    static final int CLOSED_PORT = closedPort();

    public static class KeycloakAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reminders.directory.url", "http://127.0.0.1:" + CLOSED_PORT,
                    "reminders.directory.client-secret", "any");
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_pass_without_the_directory_is_a_503_and_claims_nothing() {
        CaseFixtures.assignedCase("COURT"); // assigned 14 October 2026, past its deadline: a digest is due

        given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/reminders/run").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("cannot read the users"));
        given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/reminders").then().statusCode(200)
                .body("$", empty());
    }
}
