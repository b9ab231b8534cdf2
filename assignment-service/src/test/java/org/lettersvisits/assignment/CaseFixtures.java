package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SharedDataKeyRecords;
import org.lettersvisits.testsupport.Users;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.arc.Arc;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Petitions published on petition-events as petition-service would, and cases assigned through the API. */
final class CaseFixtures {

    private CaseFixtures() {
    }

    static PetitionRegistered petition(boolean lawAndLitigation) {
        UUID id = UUID.randomUUID();
        return new PetitionRegistered(id, "XF-2026-" + id.toString().substring(0, 5), Channel.VISIT,
                LocalDate.of(2026, 10, 14), 1, "wage arrears lawsuit delayed", lawAndLitigation, null, true);
    }

    /** Publishes a petition on petition-events as petition-service would, and waits until assignment knows it. */
    static UUID publishedPetition(boolean lawAndLitigation) {
        return published(petition(lawAndLitigation));
    }

    /** A law-and-litigation petition about {@code subject} with a case number of digits, published and known to assignment. */
    static PetitionRegistered publishedPetition(String subject) {
        PetitionRegistered p = petition(true);
        String caseNumber = String.format("XF-2031-%05d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));
        PetitionRegistered petition = new PetitionRegistered(p.petitionId(), caseNumber, p.channel(), p.receivedOn(),
                p.headcount(), subject, true, null, p.jointVisitDay());
        published(petition);
        return petition;
    }

    private static UUID published(PetitionRegistered petition) {
        SharedDataKeyRecords.share(petition.petitionId()); // as petition-service shares every petition's key
        publish(petition.petitionId(), petition);
        Pool pool = Arc.container().instance(Pool.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> pool
                .preparedQuery("SELECT 1 FROM known_petition WHERE id = $1").execute(Tuple.of(petition.petitionId()))
                .await().atMost(Duration.ofSeconds(5)).size() == 1);
        return petition.petitionId();
    }

    static void publish(UUID key, Object event) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.of(Topics.PETITION_EVENTS, key, event))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    static ValidatableResponse assign(UUID petitionId, String department, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("petitionId", petitionId.toString(), "department", department,
                "responsibleLeader", "Deputy Director Zhang"));
        body.putAll(extra);
        return given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/cases").then();
    }

    /** A law-and-litigation case assigned to {@code department}, routine, assigned on 2026-10-14. */
    static UUID assignedCase(String department) {
        UUID id = publishedPetition(true);
        assign(id, department, Map.of("assignedOn", "2026-10-14")).statusCode(201);
        return id;
    }

    /** One case as its department's queue lists it, found page by page. */
    static io.restassured.path.json.JsonPath queueItem(Users officer, String department, UUID caseId) {
        for (int page = 0;; page++) {
            io.restassured.path.json.JsonPath queue = given().header("Authorization", officer.bearer())
                    .get("/api/queues/" + department + "?size=100&page=" + page).then().statusCode(200).extract().jsonPath();
            List<String> ids = queue.getList("items.id", String.class);
            if (ids.isEmpty()) {
                throw new AssertionError("case " + caseId + " is not in the " + department + " queue");
            }
            int at = ids.indexOf(caseId.toString());
            if (at >= 0) {
                return new io.restassured.path.json.JsonPath(queue.prettify()).setRootPath("items[" + at + "]");
            }
        }
    }

    /** Every case id in a queue, page by page: other tests fill the queues, so the case may be past page one. */
    static List<String> queueIds(Users officer, String department) {
        List<String> ids = new ArrayList<>();
        for (int page = 0;; page++) {
            List<String> items = given().header("Authorization", officer.bearer())
                    .get("/api/queues/" + department + "?size=100&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
            if (items.isEmpty()) {
                return ids;
            }
            ids.addAll(items);
        }
    }
}
