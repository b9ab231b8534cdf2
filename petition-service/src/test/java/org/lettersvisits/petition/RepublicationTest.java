package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.petition.Reception.register;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.eventstore.Publishing;
import org.lettersvisits.eventstore.Republication;
import org.lettersvisits.petition.app.Petitions;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.RepeatVisitRecorded;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Moving the petition history onto a new topic version while the service runs: in chunks, by any number of
 * instances at once, with writers appending meanwhile and an instance of the previous version still queueing for the
 * retired topic; every event reaches the new topic, each stream in version order, without personal data.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RepublicationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    Republication republication;

    @Inject
    EventStore store;

    @Inject
    EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions;

    @Inject
    Pool pool;


    /** A repeat visit appended as an instance publishing through {@code publishing} would, retried when it lost a race. */
    private void appendVisit(String id, Publishing<PetitionEvent> publishing, String note) {
        UUID stream = UUID.fromString(id);
        CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> petitions.load(tx, stream)
                .chain(current -> store.append(tx, Petitions.AGGREGATE_TYPE, stream, current.version(),
                        List.<PetitionEvent>of(new RepeatVisitRecorded(stream, LocalDate.of(2026, 11, 3), "reception", note)),
                        EventMetadata.ofRequest("reception1"), publishing)))).await().atMost(WAIT);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonPath progressOf(String topic) {
        List<Map<String, Object>> all = given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/republications")
                .then().statusCode(200).extract().jsonPath().getList("");
        return new JsonPath(io.vertx.core.json.Json.encode(all.stream().filter(p -> topic.equals(p.get("topic")))
                .findFirst().orElseThrow()));
    }

    @Test
    void the_history_moves_in_chunks_beside_live_writers_and_an_older_version_and_every_stream_arrives_whole_in_order() {
        List<String> ids = IntStream.range(0, 6).mapToObj(i -> register()).toList();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "petition-events.republication-test-" + suffix;
        String retired = "petition-events.retired-test-" + suffix;
        Publishing<PetitionEvent> onto = Publishing.<PetitionEvent>asIs(topic).publishedAs(
                event -> Petitions.PUBLISHING.publicEvent().apply(event));
        Republication.Spec<PetitionEvent> spec = new Republication.Spec<>(Petitions.AGGREGATE_TYPE, PetitionEvent.class,
                onto, List.of(retired));

        // declared (by the migration that ships the new topic version), then two instances work it at once while this
        // version's writers append to the same streams through the new topic
        republication.declare(spec).await().atMost(WAIT);
        CompletableFuture<Void> writers = CompletableFuture.runAsync(() -> {
            for (int round = 0; round < 4; round++) {
                for (String id : ids) {
                    appendVisit(id, onto, "during the republication, round " + round);
                }
            }
        });
        Uni.combine().all().unis(republication.onto(spec), republication.onto(spec)).asTuple().await().atMost(WAIT);
        writers.join();
        await().atMost(WAIT).until(() -> progressOf(topic).getString("finishedAt") != null);
        appendVisit(ids.get(0), onto, "after the republication: queued directly");

        // an instance of the previous version still queues for the retired topic: its event reaches the new topic too
        appendVisit(ids.get(1), Publishing.<PetitionEvent>asIs(retired).publishedAs(
                event -> Petitions.PUBLISHING.publicEvent().apply(event)), "from an instance of the previous version");

        Map<String, Long> stored = new HashMap<>();
        for (String id : ids) {
            stored.put(id, pool.preparedQuery("SELECT count(*) FROM event WHERE aggregate_id = $1")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next()
                    .getLong(0));
        }
        long expected = stored.values().stream().mapToLong(Long::longValue).sum();
        Set<String> keys = new HashSet<>(ids);
        await().atMost(WAIT).untilAsserted(() -> assertThat(TopicContents.read(topic).stream()
                .filter(r -> keys.contains(r.key())).map(r -> r.key() + "@" + header(r, "ce_aggregateversion")).distinct()
                .sorted().toList()).as("stored: %s", stored).hasSize((int) expected));

        Map<String, List<Integer>> versions = new HashMap<>();
        Set<String> firstCopies = new HashSet<>();
        for (ConsumerRecord<String, String> r : TopicContents.read(topic)) {
            if (keys.contains(r.key()) && firstCopies.add(header(r, "ce_id"))) {
                versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.valueOf(header(r, "ce_aggregateversion")));
                assertThat(r.value()).doesNotContain("Wang Min").doesNotContain("130100199312266955")
                        .doesNotContain("13942175656");
            }
        }
        for (String id : ids) {
            assertThat(versions.get(id)).as("versions of %s on the new topic", id)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, stored.get(id).intValue()).boxed().toList());
        }
        JsonPath progress = progressOf(topic);
        assertThat(progress.getInt("chunks")).isGreaterThan(1);
        assertThat(progress.getLong("queuedEvents")).isGreaterThanOrEqualTo(expected - 1);
        assertThat(progress.getLong("remainingEvents")).isZero();
        assertThat(TopicContents.read(retired)).extracting(ConsumerRecord::key).contains(ids.get(1)); // its consumers too
    }
}
