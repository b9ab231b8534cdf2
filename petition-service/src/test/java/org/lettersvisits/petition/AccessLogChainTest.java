package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.EventLogIntegrity;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The access log is chained like the events, and anchored with them: an entry altered or removed behind the service's
 * back is named by {@code GET /api/admin/integrity}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AccessLogChainTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    EventLogIntegrity integrity;

    private static JsonPath integrity() {
        return given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/integrity").then().statusCode(200)
                .extract().jsonPath();
    }

    /** A petition whose full record reception opened twice: two entries in the access log. */
    private static void twoViews() {
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(PetitionBodies.visit()).post("/api/petitions").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/" + id).then().statusCode(200);
        }
    }

    private long lastEntry() {
        return pool.query("SELECT max(chain_seq) FROM record_view").execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void an_entry_altered_behind_the_services_back_is_named() {
        twoViews();
        long altered = lastEntry() - 1;
        assertThat(integrity().getString("accessLogProblem")).isNull();

        pool.preparedQuery("UPDATE record_view SET viewer = 'nobody' WHERE chain_seq = $1").execute(Tuple.of(altered))
                .await().atMost(WAIT);

        JsonPath report = integrity();
        assertThat(report.getBoolean("ok")).isFalse();
        assertThat(report.getString("accessLogProblem")).isEqualTo("access log: entry " + altered + ": it was altered");
        pool.preparedQuery("UPDATE record_view SET viewer = 'reception1' WHERE chain_seq = $1").execute(Tuple.of(altered))
                .await().atMost(WAIT);
        assertThat(integrity().getString("accessLogProblem")).isNull();
    }

    @Test
    void the_last_entry_removed_after_an_anchor_is_seen_by_the_anchor() {
        twoViews();
        long last = lastEntry();
        assertThat(integrity.anchor().await().atMost(WAIT)).isPresent();
        JsonPath before = integrity();
        assertThat(before.getBoolean("ok")).as(before.prettify()).isTrue();

        pool.query("ALTER TABLE record_view DISABLE TRIGGER record_view_chained").execute().await().atMost(WAIT);
        var removed = pool.preparedQuery("DELETE FROM record_view WHERE chain_seq = $1 RETURNING *").execute(Tuple.of(last))
                .await().atMost(WAIT).iterator().next();
        try {
            assertThat(integrity().getString("accessLogProblem"))
                    .isEqualTo("access log: entry " + last + ", which an anchor recorded, is gone or changed");
        } finally {
            try {
                pool.preparedQuery("INSERT INTO record_view SELECT * FROM json_populate_record(NULL::record_view, $1::text::json)")
                        .execute(Tuple.of(removed.toJson().encode())).await().atMost(WAIT);
            } finally {
                pool.query("ALTER TABLE record_view ENABLE TRIGGER record_view_chained").execute().await().atMost(WAIT);
            }
        }
        assertThat(integrity().getString("accessLogProblem")).isNull();
    }
}
