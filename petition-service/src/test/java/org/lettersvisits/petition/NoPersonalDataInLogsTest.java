package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Whatever the service logs while a petitioner is registered, refused, looked up, read and erased names no one. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NoPersonalDataInLogsTest {

    /** Every log record of the service while it runs, as text with its stack trace. */
    static final class Captured extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void no_log_line_holds_the_petitioners_name_id_number_or_phone() {
        String name = "Logged-" + UUID.randomUUID().toString().substring(0, 8);
        String idNumber = "11010519880505441X";
        String phone = "13712345678";
        Captured captured = new Captured();
        Logger root = Logger.getLogger("");
        root.addHandler(captured);
        try {
            org.jboss.logging.Logger.getLogger("the-test").warn("capturing starts");
            Map<String, Object> body = withPetitioner(withPetitioner(withPetitioner(visit(), "name", name), "idNumber",
                    idNumber), "phone", phone);
            String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(body)
                    .post("/api/petitions").then().statusCode(201).extract().path("id");
            given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                    .body(withPetitioner(body, "idNumber", idNumber.substring(0, 17) + "0")).post("/api/petitions").then()
                    .statusCode(400);
            given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                    .body("{\"petitioner\": {\"name\": \"" + name + "\", \"idNumber\": \"" + idNumber + "\"}, \"channel\": ")
                    .post("/api/petitions").then().statusCode(400);
            given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("idNumber", idNumber)).post("/api/petitions/search").then().statusCode(200);
            given().header("Authorization", Users.SUPERVISOR.bearer()).get("/api/petitions/" + id).then().statusCode(200);
            given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "asked")).post("/api/admin/petitioners/" + id + "/erasure").then().statusCode(200);
        } finally {
            root.removeHandler(captured);
        }

        assertThat(captured.lines).anyMatch(line -> line.contains("capturing starts"));
        assertThat(captured.lines).noneMatch(line -> line.contains(name) || line.contains(idNumber)
                || line.contains(idNumber.substring(0, 17)) || line.contains(phone));
    }
}
