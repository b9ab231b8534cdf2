package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.petition.PetitionBodies.visit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.Publishing;
import org.lettersvisits.eventstore.Republication;
import org.lettersvisits.petition.app.Petitions;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.TopicContents;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Moving the petition history onto a new topic version: every stored petition event is published there
 * once, as its public contract (no personal data), with its own event id; asking again queues nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RepublicationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Republication republication;

    @Inject
    Pool pool;

    @Test
    void the_whole_history_is_published_once_onto_the_new_topic_without_personal_data() {
        given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON).body(visit())
                .post("/api/petitions").then().statusCode(201);
        // what waits in the outbox keeps its place (an event is queued once): let the relay publish it first
        await().atMost(WAIT).until(() -> pool.query("SELECT count(*) AS n FROM outbox").execute().await().atMost(WAIT)
                .iterator().next().getLong("n") == 0);
        String topic = "petition-events.republication-test-" + UUID.randomUUID().toString().substring(0, 8);
        Publishing<PetitionEvent> onto = Publishing.<PetitionEvent>asIs(topic).publishedAs(
                event -> Petitions.PUBLISHING.publicEvent().apply(event));
        Set<String> published = pool.query("SELECT event_id::text AS id, type FROM event WHERE aggregate_type = 'petition'")
                .execute().await().atMost(WAIT).stream()
                // erasures and acceptance notices stay inside the service
                .filter(row -> !row.getString("type").contains("erased") && !row.getString("type").contains("acceptance-notice"))
                .map(row -> row.getString("id")).collect(Collectors.toSet());

        // two instances starting at once: one queues the history, the other finds it done
        var both = io.smallrye.mutiny.Uni.combine().all().unis(
                republication.onceOnto(Petitions.AGGREGATE_TYPE, PetitionEvent.class, onto, List.of("no-such-topic")),
                republication.onceOnto(Petitions.AGGREGATE_TYPE, PetitionEvent.class, onto, List.of("no-such-topic")))
                .asTuple().await().atMost(WAIT);

        assertThat(List.of(both.getItem1(), both.getItem2())).containsExactlyInAnyOrder(published.size(), 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(TopicContents.read(topic)).hasSize(published.size()));
        var records = TopicContents.read(topic);
        assertThat(records).extracting(r -> new String(r.headers().lastHeader("ce_id").value()))
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContain("Wang Min")
                .doesNotContain("130100199312266955").doesNotContain("13942175656"));
        assertThat(republication.onceOnto(Petitions.AGGREGATE_TYPE, PetitionEvent.class, onto, List.of())
                .await().atMost(WAIT)).isZero();
    }
}
