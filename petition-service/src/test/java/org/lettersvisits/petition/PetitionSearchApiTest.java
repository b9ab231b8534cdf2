package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.with;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionSearchApiTest {

    private static RequestSpecification reception() {
        return given().header("Authorization", Users.RECEPTION.bearer());
    }

    private static String register(Object body) {
        return reception().contentType(ContentType.JSON).body(body).post("/api/petitions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void text_search_finds_subject_and_petitioner_name_case_insensitively() {
        String marker = "Marker" + UUID.randomUUID().toString().substring(0, 8);
        String bySubject = register(with(visit(), "subject", "land dispute " + marker));
        String byName = register(withPetitioner(visit(), "name", "Li " + marker));
        register(visit());

        reception().queryParam("q", marker.toLowerCase()).get("/api/petitions").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(bySubject, byName));
    }

    @Test
    void a_case_number_is_found_exactly_with_or_without_its_prefix() {
        String id = register(visit());
        String caseNumber = reception().get("/api/petitions/" + id).then().statusCode(200).extract().path("caseNumber");
        register(visit());

        for (String typed : new String[] { caseNumber, caseNumber.substring(3), caseNumber.toLowerCase(),
                " " + caseNumber.substring(3) + " " }) {
            reception().queryParam("q", typed).get("/api/petitions").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.id", contains(id)).body("items.caseNumber", contains(caseNumber));
        }
        reception().queryParam("q", caseNumber.substring(0, caseNumber.length() - 1) + "9999").get("/api/petitions").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void id_number_matches_exactly_and_shows_earlier_cases() {
        String idNumber = "11010519491231002X";
        String first = register(withPetitioner(with(visit(), "receivedOn", "2026-03-04"), "idNumber", idNumber));
        String second = register(withPetitioner(with(visit(), "receivedOn", "2026-09-02"), "idNumber", idNumber));

        reception().contentType(ContentType.JSON).body(Map.of("idNumber", idNumber)).post("/api/petitions/search").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(second, first))
                .body("items.idNumber", everyItem(equalTo("110105********002X")));
        reception().contentType(ContentType.JSON).body(Map.of("idNumber", idNumber.substring(0, 17)))
                .post("/api/petitions/search").then().body("total", equalTo(0));
        // never in a URL: it would end up in access logs and browser histories
        reception().queryParam("idNumber", idNumber).get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("idNumber"));
    }

    @Test
    void status_filters_and_an_unknown_status_gets_400() {
        reception().queryParam("status", "REGISTERED").get("/api/petitions").then().statusCode(200)
                .body("items.status", everyItem(equalTo("REGISTERED")));
        reception().queryParam("status", "LOST").get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("status"));
    }

    @Test
    void concurrent_registrations_get_distinct_sequential_case_numbers_and_pages_are_capped_at_100() throws Exception {
        String marker = "Batch" + UUID.randomUUID().toString().substring(0, 8);
        int count = 120;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> calls = IntStream.range(0, count)
                .<Callable<String>>mapToObj(i -> () -> reception().contentType(ContentType.JSON)
                        .body(with(visit(), "subject", marker + " " + i)).post("/api/petitions")
                        .then().statusCode(201).extract().path("caseNumber"))
                .toList();
        List<String> caseNumbers = pool.invokeAll(calls).stream().map(PetitionSearchApiTest::result).toList();
        pool.shutdown();

        List<Integer> sequence = caseNumbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
                .sorted().toList();
        assertThat(sequence).doesNotHaveDuplicates();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(count - 1);

        reception().queryParam("q", marker).queryParam("size", 100).get("/api/petitions").then().statusCode(200)
                .body("total", equalTo(count))
                .body("items", hasSize(100));
        reception().queryParam("q", marker).queryParam("size", 500).get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
        reception().queryParam("q", marker).queryParam("size", 50).queryParam("page", 2).get("/api/petitions").then()
                .body("items", hasSize(20));
        reception().queryParam("size", 0).get("/api/petitions").then().statusCode(400);
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
