package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The access log records every search page, export, receipt, case file, reveal and worklist's contacts besides each full
 * record: who, the kind, the fields a search was by and the petitions shown, never the text searched for nor anything
 * of the person; and it is only ever inserted into.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AccessLogTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ID_NUMBER = "130100199312266955";

    @Inject
    Pool pool;

    /** A petition received today, so it heads the list newest first. */
    private static String register(String name) {
        Map<String, Object> body = PetitionBodies.with(withPetitioner(visit(), "name", name), "receivedOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(withPetitioner(body, "address", "北京市海淀区中关村大街27号3单元502"))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
    }

    /** The accesses that showed {@code id}, of one kind, newest first. */
    private static JsonPath accesses(String id, String kind) {
        return given().header("Authorization", Users.ADMIN.bearer()).queryParam("petitionId", id).queryParam("kind", kind)
                .get("/api/admin/record-views").then().statusCode(200).extract().jsonPath();
    }

    /** How many rows of the access log hold {@code text} anywhere. */
    private long rowsHolding(String text) {
        return pool.preparedQuery("SELECT count(*) FROM record_view r WHERE r::text LIKE '%' || $1 || '%'")
                .execute(Tuple.of(text)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void a_search_is_recorded_with_who_the_fields_it_was_by_and_the_petitions_shown_never_its_text() {
        String name = "Huang " + UUID.randomUUID().toString().substring(0, 8);
        String id = register(name);

        given().header("Authorization", Users.SUPERVISOR.bearer()).queryParam("q", name).queryParam("town", "Zhongguan")
                .get("/api/petitions").then().statusCode(200);
        given().header("Authorization", Users.LEADER.bearer()).contentType(ContentType.JSON)
                .body(Map.of("q", name, "idNumber", ID_NUMBER, "receivedFrom", "2026-01-01"))
                .post("/api/petitions/search").then().statusCode(200);

        JsonPath searches = accesses(id, "SEARCH");
        assertThat(searches.getList("items.viewer")).containsExactly("leader1", "supervisor1");
        assertThat(searches.getList("items[0].searchedBy")).containsExactly("nameOrSubject", "idNumber", "receivedFrom");
        assertThat(searches.getList("items[1].searchedBy")).containsExactly("nameOrSubject", "town");
        assertThat(searches.getList("items[1].petitionIds")).containsExactly(id);
        assertThat(searches.getString("items[1].petitionId")).isNull();
        assertThat(rowsHolding(name)).as("the name searched for").isZero();
        assertThat(rowsHolding(ID_NUMBER)).as("the ID number searched for").isZero();
        assertThat(rowsHolding("Zhongguan")).as("the town searched for").isZero();
    }

    @Test
    void a_case_number_search_is_recorded_as_by_case_number_and_a_bare_list_by_nothing() {
        String id = register("Lin " + UUID.randomUUID().toString().substring(0, 8));
        String caseNumber = given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id + "/receipt")
                .then().statusCode(200).extract().path("caseNumber");

        given().header("Authorization", Users.RECEPTION.bearer()).queryParam("q", caseNumber.substring(3))
                .get("/api/petitions").then().statusCode(200);
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions").then().statusCode(200);

        JsonPath searches = accesses(id, "SEARCH");
        assertThat(searches.getList("items.searchedBy")).containsExactly(List.of(), List.of("caseNumber"));
        assertThat(rowsHolding(caseNumber.substring(3))).isZero();
    }

    @Test
    void an_export_is_recorded_with_every_petition_in_the_file() {
        String name = "Xu " + UUID.randomUUID().toString().substring(0, 8);
        String first = register(name);
        String second = register(name);

        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                .body(Map.of("q", name, "status", "REGISTERED")).post("/api/petitions/export?format=xlsx").then()
                .statusCode(200);

        JsonPath exports = accesses(first, "EXPORT");
        assertThat(exports.getList("items.viewer")).containsExactly("supervisor1");
        assertThat(exports.getList("items[0].searchedBy")).containsExactly("nameOrSubject", "status");
        assertThat(exports.getList("items[0].petitionIds", String.class)).containsExactlyInAnyOrder(first, second);
        assertThat(accesses(first, "SEARCH").getInt("total")).as("an export is not a search").isZero();
        assertThat(rowsHolding(name)).isZero();
    }

    @Test
    void a_receipt_shown_or_printed_as_a_pdf_is_recorded_as_a_receipt_of_its_petition() {
        String id = register("Gao " + UUID.randomUUID().toString().substring(0, 8));
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id + "/receipt").then()
                .statusCode(200);
        given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/petitions/" + id + "/receipt.pdf").then()
                .statusCode(200);
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + UUID.randomUUID() + "/receipt")
                .then().statusCode(404);

        JsonPath receipts = accesses(id, "RECEIPT");
        assertThat(receipts.getList("items.viewer")).containsExactly("supervisor1", "reception1");
        assertThat(receipts.getList("items.petitionId")).containsExactly(id, id);
        assertThat(receipts.getList("items[0].searchedBy")).isNull();
        assertThat(accesses(id, "FULL_RECORD").getInt("total")).isZero();
    }

    @Test
    void the_database_takes_the_kinds_of_the_other_services_reads_without_search_fields_and_no_other_kind() {
        String insert = "INSERT INTO record_view (kind, viewer, searched_by, petition_ids) VALUES ($1, 'x', $2, $3)";
        UUID[] shown = { UUID.randomUUID() };
        for (String kind : List.of("CASE_FILE", "REVEAL", "CONTACTS")) {
            assertThatThrownBy(() -> pool.preparedQuery(insert).execute(Tuple.of(kind, new String[] { "town" }, shown))
                    .await().atMost(WAIT)).as(kind).hasMessageContaining("record_view_searched_by_for_lists");
        }
        assertThatThrownBy(() -> pool.preparedQuery(insert).execute(Tuple.of("LOOKED", null, shown)).await().atMost(WAIT))
                .hasMessageContaining("record_view_kind_check");
    }

    @Test
    void the_access_log_is_only_inserted_into_whatever_staff_do() {
        // as the log's hash chain will have it: an UPDATE or DELETE of a row fails
        pool.query("""
                CREATE OR REPLACE FUNCTION record_view_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'record_view is append-only'; END $$;
                CREATE TRIGGER record_view_append_only BEFORE UPDATE OR DELETE ON record_view
                FOR EACH ROW EXECUTE FUNCTION record_view_append_only();""").execute().await().atMost(WAIT);
        try {
            String name = "Ma " + UUID.randomUUID().toString().substring(0, 8);
            String id = register(name);
            given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200);
            given().header("Authorization", Users.RECEPTION.bearer()).queryParam("q", name).get("/api/petitions").then()
                    .statusCode(200);
            given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(Map.of("q", name))
                    .post("/api/petitions/export").then().statusCode(200);
            given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id + "/receipt").then()
                    .statusCode(200);
            given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id + "/case-file").then()
                    .statusCode(200);
            given().header("Authorization", Users.RECEPTION.bearer()).post("/api/petitions/" + id + "/petitioner/reveal")
                    .then().statusCode(200);
            given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("petitionIds", List.of(id))).post("/api/petitions/contacts").then().statusCode(200);
            given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "the petitioner's request")).post("/api/admin/petitioners/" + id + "/erasure")
                    .then().statusCode(200);
            assertThat(given().header("Authorization", Users.ADMIN.bearer()).queryParam("petitionId", id)
                    .get("/api/admin/record-views").then().statusCode(200).extract().jsonPath().getList("items.kind"))
                    .containsExactly("CONTACTS", "REVEAL", "CASE_FILE", "RECEIPT", "EXPORT", "SEARCH", "FULL_RECORD");
            assertThat(rowsHolding(name)).as("the erased person is nowhere in the log").isZero();
        } finally {
            pool.query("DROP TRIGGER record_view_append_only ON record_view; DROP FUNCTION record_view_append_only();")
                    .execute().await().atMost(WAIT);
        }
    }
}
