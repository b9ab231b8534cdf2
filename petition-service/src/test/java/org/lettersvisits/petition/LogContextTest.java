package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A log line written while serving a request says which request (its correlation id, as the response names it),
 * which trace, which user and which petition: what the JSON logs of production carry in their MDC.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LogContextTest {

    /** The MDC of every log record of one logger while the test runs. */
    static final class Captured extends Handler {
        final List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord extended && record.getLoggerName().endsWith("ErasureResource")) {
                contexts.add(extended.getMdcCopy());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void the_erasure_is_logged_with_the_requests_correlation_id_trace_user_and_petition() {
        String id = given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(visit())
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        UUID correlationId = UUID.randomUUID();
        Captured captured = new Captured();
        Logger root = Logger.getLogger("");
        root.addHandler(captured);
        try {
            given().header("Authorization", Users.ADMIN.bearer()).header("X-Correlation-Id", correlationId.toString())
                    .contentType(ContentType.JSON).body(Map.of("reason", "asked in writing"))
                    .post("/api/admin/petitioners/" + id + "/erasure").then().statusCode(200)
                    .header("X-Correlation-Id", correlationId.toString());
        } finally {
            root.removeHandler(captured);
        }

        assertThat(captured.contexts).singleElement().satisfies(mdc -> {
            assertThat(mdc).containsEntry("correlationId", correlationId.toString())
                    .containsEntry("aggregateId", id)
                    .containsEntry("user", Users.ADMIN.userName());
            assertThat(mdc.get("traceId")).matches("[0-9a-f]{32}");
        });
    }
}
