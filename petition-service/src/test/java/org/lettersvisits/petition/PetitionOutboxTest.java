package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettersvisits.petition.Reception.register;
import static org.lettersvisits.petition.Reception.repeatVisit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.eventstore.ConcurrencyConflict;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventStore;
import org.lettersvisits.eventstore.OutboxRelay;
import org.lettersvisits.eventstore.Publishing;
import org.lettersvisits.eventstore.RelayLeadership;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.PetitionRegistered;
import org.lettersvisits.petition.domain.SealedPetitioner;
import org.lettersvisits.petition.domain.PublicEvents;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/** The outbox relay on the real broker and database: nothing lost, nothing out of order, nothing doubled. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    OutboxRelay relay;

    @Inject
    Instance<RelayLeadership> leaderships;

    @Inject
    EventStore store;

    @Inject
    Pool pool;



    private static ConsumerTask<String, String> consume(KafkaCompanion kafka, Set<String> keys) {
        return kafka.consumeStrings().withGroupId("outbox-test-" + System.nanoTime())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.PETITION_EVENTS, records -> records.select().where(r -> keys.contains(r.key())));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String petitionIdIn(String payload) {
        try {
            return EventCodec.JSON.readTree(payload).get("petitionId").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("payload is not JSON: " + payload, e);
        }
    }

    /** Waits a little to see that no further (duplicate) record arrives. */
    private static void assertNoMoreThan(ConsumerTask<String, String> records, int count) {
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> records.count() == count);
    }

    @Test
    void concurrent_registrations_each_reach_the_topic_once_as_a_cloud_event_keyed_by_petition() throws Exception {
        int count = 40;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        threads.invokeAll(IntStream.range(0, count).<Callable<Boolean>>mapToObj(i -> () -> ids.add(register())).toList());
        threads.shutdown();

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = consume(kafka, ids)) {
            records.awaitRecords(count, WAIT);
            assertNoMoreThan(records, count);

            assertThat(records.getRecords()).hasSize(count);
            assertThat(records.getRecords()).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(records.getRecords()).allSatisfy(r -> {
                assertThat(header(r, "ce_type")).isEqualTo("petition.registered.v2");
                assertThat(header(r, "ce_source")).isEqualTo("petition-service");
                assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
                assertThat(petitionIdIn(r.value())).isEqualTo(r.key());
            });
            assertThat(records.getRecords().stream().map(r -> header(r, "ce_id")).collect(Collectors.toSet())).hasSize(count);
        }
    }

    @Test
    void each_petitions_events_arrive_in_the_order_they_were_recorded() throws Exception {
        List<String> ids = IntStream.range(0, 6).mapToObj(i -> register()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        threads.invokeAll(ids.stream().<Callable<Boolean>>map(id -> () -> {
            for (int visit = 1; visit <= 3; visit++) {
                repeatVisit(id, "visit " + visit);
            }
            return true;
        }).toList());
        threads.shutdown();

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = consume(kafka, new HashSet<>(ids))) {
            records.awaitRecords(ids.size() * 4, WAIT);

            Map<String, List<String>> eventsByPetition = new ConcurrentHashMap<>();
            for (ConsumerRecord<String, String> r : records.getRecords()) {
                eventsByPetition.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(header(r, "ce_type") + "@" + header(r, "ce_aggregateversion"));
            }
            assertThat(eventsByPetition).hasSize(ids.size());
            assertThat(eventsByPetition.values()).allSatisfy(events -> assertThat(events).containsExactly(
                    "petition.registered.v2@1", "petition.repeat-visit-recorded.v2@2",
                    "petition.repeat-visit-recorded.v2@3", "petition.repeat-visit-recorded.v2@4"));
        }
    }

    @Test
    void a_second_append_at_the_same_version_is_a_concurrency_conflict_and_queues_nothing() {
        UUID id = UUID.randomUUID();
        Publishing<PetitionEvent> publishing = Publishing.<PetitionEvent>asIs(Topics.PETITION_EVENTS)
                .publishedAs(PublicEvents::of);
        PetitionRegistered first = new PetitionRegistered(id, "XF-RACE-" + id.toString().substring(0, 6), Channel.LETTER,
                LocalDate.of(2026, 10, 14), null, new SealedPetitioner("v1:not-read-here"), 1, "the first writer", null,
                false, null, false);
        PetitionRegistered second = new PetitionRegistered(id, first.caseNumber(), Channel.LETTER, LocalDate.of(2026, 10, 14),
                null, new SealedPetitioner("v1:not-read-here"), 1, "the second writer", null, false, null, false);
        pool.withTransaction(tx -> store.append(tx, "petition", id, 0, List.<PetitionEvent>of(first),
                EventMetadata.ofRequest("first-writer"), publishing)).await().atMost(WAIT);

        assertThatThrownBy(() -> pool.withTransaction(tx -> store.append(tx, "petition", id, 0,
                List.<PetitionEvent>of(second), EventMetadata.ofRequest("second-writer"), publishing)).await().atMost(WAIT))
                .isInstanceOf(ConcurrencyConflict.class).hasMessageContaining("version 1 already exists");
        assertThat(pool.preparedQuery("SELECT actor FROM event WHERE aggregate_id = $1").execute(Tuple.of(id))
                .await().atMost(WAIT)).extracting(row -> row.getString("actor")).containsExactly("first-writer");
        assertThat(pool.preparedQuery("SELECT count(*) FROM outbox WHERE aggregate_id = $1 AND actor = 'second-writer'")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getLong(0)).isZero();
    }

    @Test
    void an_event_committed_late_by_an_older_transaction_is_not_skipped() {
        UUID lateId = UUID.randomUUID();
        PetitionRegistered late = new PetitionRegistered(lateId, "XF-LATE-" + lateId.toString().substring(0, 6),
                Channel.LETTER, LocalDate.of(2026, 10, 14), null, new SealedPetitioner("v1:not-read-here"), 1,
                "written by a slow transaction", null, false, null, false);
        SqlConnection slow = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction transaction = slow.begin().await().atMost(WAIT);
            store.append(slow, "petition", lateId, 0, List.<PetitionEvent>of(late), EventMetadata.ofRequest("slow-writer"),
                    Publishing.<PetitionEvent>asIs(Topics.PETITION_EVENTS).publishedAs(PublicEvents::of)).await().atMost(WAIT);

            String quickId = register(); // a younger transaction, committed first
            try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                    ConsumerTask<String, String> records = consume(kafka, Set.of(lateId.toString(), quickId))) {
                records.awaitNoRecords(Duration.ofSeconds(2)); // held back while the older transaction runs

                transaction.commit().await().atMost(WAIT);
                relay.wake();
                records.awaitRecords(2, WAIT);
                assertThat(records.getRecords()).extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrder(lateId.toString(), quickId);
            }
        } finally {
            slow.close().await().atMost(WAIT);
        }
    }

    @Test
    void a_relay_stopped_mid_way_and_restarted_delivers_everything_exactly_once() {
        relay.stop();
        try {
            List<String> ids = IntStream.range(0, 15).mapToObj(i -> register()).toList();
            try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                    ConsumerTask<String, String> records = consume(kafka, new HashSet<>(ids))) {
                records.awaitNoRecords(Duration.ofSeconds(2));

                // each registration queues its petitioner's data key (for petitioner-data-keys.v1), then its event
                int firstBatch = relay.publishBatch(10).await().atMost(WAIT);
                assertThat(firstBatch).isEqualTo(10);
                records.awaitRecords(5, WAIT);

                relay.start();
                records.awaitRecords(15, WAIT);
                assertNoMoreThan(records, 15);
                assertThat(records.getRecords()).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
            }
        } finally {
            relay.start();
        }
    }

    @Test
    void only_the_relay_leader_publishes_and_another_instance_takes_over_when_it_gives_up_the_lead() {
        RelayLeadership rival = leaderships.get(); // a second instance's claim to the lead
        relay.stop(); // this instance gives the lead up
        try {
            Awaitility.await().atMost(WAIT).until(() -> rival.lead().await().atMost(WAIT));

            relay.start(); // back, but a follower now: it must not publish
            List<String> ids = IntStream.range(0, 5).mapToObj(i -> register()).toList();
            try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                    ConsumerTask<String, String> records = consume(kafka, new HashSet<>(ids))) {
                // the rival renews its lease as its relay goes round; meanwhile nothing is published here
                Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> rival.lead().await().atMost(WAIT) && records.count() == 0);

                rival.resign().await().atMost(WAIT); // the rival shuts down: this one takes over
                records.awaitRecords(5, WAIT);
                assertNoMoreThan(records, 5);
                assertThat(records.getRecords()).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
            }
        } finally {
            rival.resign().await().atMost(WAIT);
            leaderships.destroy(rival);
            relay.start();
        }
    }

    @Test
    void a_leader_that_hangs_with_its_connections_open_loses_the_lead_when_its_lease_runs_out() {
        RelayLeadership hung = leaderships.get();
        relay.stop();
        try {
            // another instance takes the lead, then hangs: it never renews and never publishes, and its process,
            // and so its database sessions, stay alive (a session lock would be held forever)
            Awaitility.await().atMost(WAIT).until(() -> hung.lead().await().atMost(WAIT));
            relay.start();
            List<String> ids = IntStream.range(0, 3).mapToObj(i -> register()).toList();
            try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                    ConsumerTask<String, String> records = consume(kafka, new HashSet<>(ids))) {
                records.awaitRecords(3, WAIT); // this instance takes the expired lease and publishes
                assertThat(records.getRecords()).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
            }
            assertThat(pool.query("SELECT holder FROM outbox_relay_lease").execute().await().atMost(WAIT).iterator().next()
                    .getString("holder")).isNotEqualTo(hung.holder());
        } finally {
            leaderships.destroy(hung);
            relay.start();
        }
    }

    @Test
    void a_row_that_can_never_be_published_is_set_aside_the_rest_flow_and_a_redrive_sends_it_after_the_fix() {
        relay.stop();
        UUID poisonKey = UUID.randomUUID();
        UUID poisonEvent = UUID.randomUUID();
        String before;
        String after;
        try {
            before = register();
            // an event larger than the producer takes (its max.request.size, 1 MB)
            pool.preparedQuery("""
                    INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at)
                    VALUES ($1, $2, $3, 'petition.repeat-visit-recorded.v2', $4, $5, 'reception1', now())""")
                    .execute(Tuple.of(poisonEvent, Topics.PETITION_EVENTS, poisonKey.toString(),
                            new io.vertx.core.json.JsonObject().put("petitionId", poisonKey.toString())
                                    .put("note", "x".repeat(1_500_000)), "petition/" + poisonKey))
                    .await().atMost(WAIT);
            after = register();
        } finally {
            relay.start();
        }
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = consume(kafka, Set.of(before, after, poisonKey.toString()))) {
            records.awaitRecords(2, WAIT); // what was committed before and after it is published, once
            Awaitility.await().atMost(WAIT).until(() -> pool.query("SELECT count(*) FROM outbox").execute()
                    .await().atMost(WAIT).iterator().next().getLong(0) == 0); // the relay went past it
            assertNoMoreThan(records, 2);
            assertThat(records.getRecords()).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(before, after);

            given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/outbox/set-aside").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(1))
                    .body("items[0].eventId", org.hamcrest.Matchers.equalTo(poisonEvent.toString()))
                    .body("items[0].reason", org.hamcrest.Matchers.containsString("RecordTooLargeException"));
            Awaitility.await().atMost(WAIT).until(() -> org.lettersvisits.testsupport.ScrapedMetrics.scrape()
                    .sum("lettersvisits_outbox_set_aside") == 1);

            // the fix (here the row is made to fit, as a larger broker limit would) and a redrive: it is published
            pool.preparedQuery("UPDATE outbox_set_aside SET payload = payload - 'note' WHERE event_id = $1")
                    .execute(Tuple.of(poisonEvent)).await().atMost(WAIT);
            given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/outbox/set-aside/redrive").then()
                    .statusCode(200).body("requeued", org.hamcrest.Matchers.equalTo(1));
            records.awaitRecords(3, WAIT);
            assertThat(header(records.getRecords().get(2), "ce_id")).isEqualTo(poisonEvent.toString());
            given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/outbox/set-aside").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));
        }
        given().get("/q/health/ready").then().statusCode(200); // the channel is still healthy
    }

    @Test
    void what_leaves_the_service_carries_no_personal_data_and_the_outbox_forgets_it_once_published() {
        String id = register(); // Wang Min, 130100199312266955, 13942175656, Zhongguan; a description
        repeatVisit(id, "came with her brother Wang Qiang, phone 13900001111");

        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = consume(kafka, Set.of(id))) {
            records.awaitRecords(2, WAIT);
            assertThat(records.getRecords()).allSatisfy(r -> assertThat(r.value())
                    .doesNotContain("Wang", "130100199312266955", "13942175656", "Zhongguan", "13900001111", "judgment",
                            "petitioner", "receivedBy", "Duty leader"));
            // the subject consumers need travels sealed under the petitioner's data key, which petition-service shares
            assertThat(records.getRecords()).allSatisfy(r -> assertThat(r.value()).doesNotContain("wage arrears"));
            assertThat(records.getRecords().get(0).value()).contains("sealed:v1:");
        }
        Awaitility.await().atMost(WAIT).until(() -> pool.preparedQuery("""
                SELECT count(*) FROM outbox WHERE aggregate_id = $1""").execute(io.vertx.mutiny.sqlclient.Tuple.of(
                UUID.fromString(id))).await().atMost(WAIT).iterator().next().getLong(0) == 0);
    }
}
