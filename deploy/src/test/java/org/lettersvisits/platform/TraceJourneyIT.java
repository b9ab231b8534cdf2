package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.platform.E2eClient.ASSIGNMENT;
import static org.lettersvisits.platform.E2eClient.PETITION;
import static org.lettersvisits.platform.E2eClient.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.specification.RequestSpecification;

/**
 * One trace across the four processes: a caller that traces its work (W3C {@code traceparent}) registers
 * a petition, assigns, accepts and closes its case; the spans every service exports to the launcher's
 * collector share that trace id, through the outbox relays, Kafka and each consumer, down to followup's
 * return visit published from its own outbox and read by reporting and petition-service.
 */
@ExtendWith(SharedPlatform.class)
class TraceJourneyIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(90);

    @Test
    void the_spans_of_one_petitions_way_share_one_trace_in_all_four_services() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceParent = "00-" + traceId + "-a1b2c3d4e5f60718-01";

        String id = traced(as("reception1", PETITION), traceParent).body(Map.of("channel", "VISIT",
                "receivedOn", "2025-10-22", "petitioner", Map.of("name", "Zhao Lei", "idNumber", "130100199312266955"),
                "headcount", 1, "subject", "enforcement of a judgment delayed", "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        Map<String, Object> assignment = Map.of("petitionId", id, "department", "COURT",
                "responsibleLeader", "Vice President Li", "difficulty", "ROUTINE", "assignedOn", "2025-10-24");
        await().atMost(EVENTUAL).until(() -> traced(as("supervisor1", ASSIGNMENT), traceParent).body(assignment)
                .post("/api/cases").statusCode() == 201);
        await().atMost(EVENTUAL).until(() -> {
            String etag = as("judge1", ASSIGNMENT).get("/api/cases/" + id).then().statusCode(200).extract().header("ETag");
            return traced(as("judge1", ASSIGNMENT), traceParent).header("If-Match", etag)
                    .post("/api/cases/" + id + "/accept").statusCode() == 200;
        });
        traced(as("judge1", ASSIGNMENT), traceParent)
                .body(Map.of("resolution", "enforced according to law", "closedOn", "2025-11-21"))
                .post("/api/cases/" + id + "/close").then().statusCode(200);

        await().atMost(EVENTUAL).untilAsserted(() -> {
            List<OtlpSpans.Span> spans = SharedPlatform.trace(traceId);
            Map<String, List<OtlpSpans.Kind>> kindsByService = spans.stream().collect(Collectors.groupingBy(
                    OtlpSpans.Span::service, Collectors.mapping(OtlpSpans.Span::kind, Collectors.toList())));
            assertThat(kindsByService).as("services in trace %s", traceId)
                    .containsKeys("petition-service", "assignment-service", "followup-service", "reporting-service");
            assertThat(kindsByService.get("petition-service")).contains(OtlpSpans.Kind.SERVER, OtlpSpans.Kind.PRODUCER,
                    OtlpSpans.Kind.CONSUMER);
            assertThat(kindsByService.get("assignment-service")).contains(OtlpSpans.Kind.SERVER,
                    OtlpSpans.Kind.CONSUMER, OtlpSpans.Kind.PRODUCER);
            assertThat(kindsByService.get("followup-service")).as("the return visit: consumed closure, published visit")
                    .contains(OtlpSpans.Kind.CONSUMER, OtlpSpans.Kind.PRODUCER);
            assertThat(spans).as("reporting read the return visit its outbox published")
                    .anySatisfy(span -> assertThat(span.service() + " " + span.kind() + " " + span.name())
                            .startsWith("reporting-service CONSUMER followup-events"));
        });
    }

    private static RequestSpecification traced(RequestSpecification request, String traceParent) {
        return request.header("traceparent", traceParent);
    }
}
