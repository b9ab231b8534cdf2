package org.lettersvisits.platform;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.restassured.specification.RequestSpecification;

/** The test platform's Keycloak admin API, as the committee's administrator uses it (user {@code admin}). */
final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    /** Keycloak's base address, e.g. {@code http://localhost:18180}. */
    static String base() {
        return SharedPlatform.settings().issuer().replace("/realms/petitions", "");
    }

    /** A request signed in as the administrator. */
    static RequestSpecification asAdmin() {
        try {
            String password = Files.readString(SharedPlatform.settings().keycloakAdminPasswordFile()).trim();
            String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", "admin").formParam("password", password)
                    .post(base() + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                    .extract().path("access_token");
            return given().auth().oauth2(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of a user of the petitions realm. */
    static String userId(String username) {
        return asAdmin().queryParam("username", username).queryParam("exact", true)
                .get(base() + "/admin/realms/petitions/users").then().statusCode(200).extract().path("[0].id");
    }
}
