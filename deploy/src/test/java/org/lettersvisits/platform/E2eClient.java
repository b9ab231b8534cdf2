package org.lettersvisits.platform;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls the running platform as a user would: a real Keycloak token per user, JSON bodies. */
final class E2eClient {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private E2eClient() {
    }

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> given().formParam("grant_type", "password")
                .formParam("client_id", "petitions-cli").formParam("username", u).formParam("password", u)
                .post(SharedPlatform.settings().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    /** A request to one of the services ({@code 0} petition, {@code 1} assignment, {@code 2} followup, {@code 3} reporting). */
    static RequestSpecification as(String user, int service) {
        return given().baseUri(SharedPlatform.settings().services().get(service).baseUrl())
                .header("Authorization", "Bearer " + token(user)).contentType(ContentType.JSON);
    }

    /** Every case id in a department's open queue, page by page (the seeded year fills queues past page one). */
    static List<String> queueIds(String user, String department) {
        List<String> ids = new ArrayList<>();
        for (int page = 0;; page++) {
            List<String> items = as(user, ASSIGNMENT).queryParam("size", 100).queryParam("page", page)
                    .get("/api/queues/" + department).then().statusCode(200).extract().jsonPath()
                    .getList("items.id", String.class);
            if (items.isEmpty()) {
                return ids;
            }
            ids.addAll(items);
        }
    }

    static final int PETITION = 0;
    static final int ASSIGNMENT = 1;
    static final int FOLLOWUP = 2;
    static final int REPORTING = 3;
}
