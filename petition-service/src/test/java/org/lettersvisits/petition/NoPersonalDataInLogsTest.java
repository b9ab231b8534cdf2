package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Whatever the service logs, and whatever its spans say, while a petitioner is searched for by name and phone (in a
 * query string and in a body), registered, refused, looked up, read and erased names no one: neither a log line
 * (the access log included) nor a span's name, attributes or events.
 */
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

    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");

    private final String name = "张三" + UUID.randomUUID().toString().substring(0, 8);
    private final String idNumber = "11010519880505441X";
    private final String phone = "137" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    /** The trace of every request the test sends, so it can wait for their spans. */
    private final List<String> traces = new CopyOnWriteArrayList<>();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void no_log_line_or_span_holds_the_petitioners_name_id_number_or_phone() {
        Captured captured = new Captured();
        Logger root = Logger.getLogger("");
        root.addHandler(captured);
        try {
            org.jboss.logging.Logger.getLogger("the-test").warn("capturing starts");
            searchByQueryString();
            searchByBody();
            registerReadAndErase();
        } finally {
            root.removeHandler(captured);
        }

        assertThat(captured.lines).anyMatch(line -> line.contains("capturing starts"))
                .as("the access log, on in tests").anyMatch(line -> line.contains("\"GET /api/petitions HTTP/1.1\" 200"));
        assertThat(captured.lines).as("log lines").noneMatch(this::namesThePetitioner);
        List<SpanData> recorded = serverSpansOfEveryRequest();
        assertThat(recorded).as("the searches' server spans, their query values redacted")
                .anySatisfy(span -> assertThat(span.getAttributes().get(URL_QUERY)).isEqualTo("q=REDACTED"))
                .anySatisfy(span -> assertThat(span.getAttributes().get(URL_QUERY)).isEqualTo("idNumber=REDACTED"));
        assertThat(spans.getFinishedSpanItems().stream().map(NoPersonalDataInLogsTest::textOf))
                .as("every span the service recorded: name, attributes, events").noneMatch(this::namesThePetitioner);
    }

    private void searchByQueryString() {
        for (String q : List.of(name, phone)) {
            traced(Users.RECEPTION).queryParam("q", q).get("/api/petitions").then().statusCode(200);
        }
        traced(Users.RECEPTION).queryParam("idNumber", idNumber).get("/api/petitions").then().statusCode(400);
    }

    private void searchByBody() {
        for (Map<String, String> body : List.of(Map.of("q", name), Map.of("q", phone), Map.of("idNumber", idNumber))) {
            traced(Users.RECEPTION).contentType(ContentType.JSON).body(body).post("/api/petitions/search").then()
                    .statusCode(200);
        }
    }

    private void registerReadAndErase() {
        Map<String, Object> body = withPetitioner(withPetitioner(withPetitioner(visit(), "name", name), "idNumber",
                idNumber), "phone", phone);
        String id = traced(Users.RECEPTION).contentType(ContentType.JSON).body(body).post("/api/petitions").then()
                .statusCode(201).extract().path("id");
        traced(Users.RECEPTION).contentType(ContentType.JSON)
                .body(withPetitioner(body, "idNumber", idNumber.substring(0, 17) + "0")).post("/api/petitions").then()
                .statusCode(400);
        traced(Users.RECEPTION).contentType(ContentType.JSON)
                .body("{\"petitioner\": {\"name\": \"" + name + "\", \"phone\": \"" + phone + "\"}, \"channel\": ")
                .post("/api/petitions").then().statusCode(400);
        traced(Users.RECEPTION).contentType(ContentType.JSON).body("{\"q\": " + name + "}")
                .post("/api/petitions/search").then().statusCode(400);
        traced(Users.SUPERVISOR).get("/api/petitions/" + id).then().statusCode(200);
        traced(Users.ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "asked by " + name))
                .post("/api/admin/petitioners/" + id + "/erasure").then().statusCode(200);
    }

    /** A request as {@code user}, in a trace of its own that the test knows. */
    private RequestSpecification traced(Users user) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        traces.add(traceId);
        return given().header("Authorization", user.bearer()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
    }

    /** Waits until every request's server span is recorded, and gives them. */
    private List<SpanData> serverSpansOfEveryRequest() {
        Set<String> wanted = Set.copyOf(traces);
        return await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && wanted.contains(span.getTraceId())).toList(),
                server -> server.stream().map(SpanData::getTraceId).distinct().count() == wanted.size());
    }

    /** A span's name, attributes and events (with theirs), as one text. */
    private static String textOf(SpanData span) {
        StringBuilder text = new StringBuilder(span.getName()).append(' ').append(span.getAttributes());
        span.getEvents().forEach(event -> text.append(' ').append(event.getName()).append(event.getAttributes()));
        return text.append(' ').append(span.getStatus()).toString();
    }

    private boolean namesThePetitioner(String text) {
        return text.contains(name) || text.contains(URLEncoder.encode(name, StandardCharsets.UTF_8))
                || text.contains(name.substring(2)) || text.contains(idNumber) || text.contains(idNumber.substring(0, 17))
                || text.contains(phone);
    }
}
