package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.util.Map;

import org.lettersvisits.testsupport.Users;

import io.restassured.http.ContentType;

/** What reception does through the API, for tests that need petitions and their events. */
final class Reception {

    private Reception() {
    }

    /** Registers {@link PetitionBodies#visit()}; its id. */
    static String register() {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(visit())
                .post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    /** Records a repeat visit about the same matter. */
    static void repeatVisit(String id, String note) {
        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(Map.of("note", note)).post("/api/petitions/" + id + "/visits").then().statusCode(201);
    }
}
