package org.lettersvisits.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lettersvisits.petition.Reception.register;
import static org.lettersvisits.petition.Reception.repeatVisit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.messaging.Failures;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionCommand.RecordRepeatVisit;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * A stream's versions reach Kafka in version order, whatever order their transactions began and committed
 * in: the relay publishes in transaction order, so an append whose stream's last version came from a younger
 * transaction is refused (40001) and runs again.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AppendOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    Pool pool;

    @Inject
    EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions;



    private static RecordRepeatVisit visitBy(String who) {
        return new RecordRepeatVisit(LocalDate.of(2026, 11, 2), "reception", who);
    }

    /** The aggregate versions of each stream, in the order a consumer of the topic first sees them. */
    private static Map<String, List<Integer>> versionsAsConsumed(Set<String> keys, int expected) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion();
                ConsumerTask<String, String> records = kafka.consumeStrings()
                        .withGroupId("append-order-" + System.nanoTime()).withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(Topics.PETITION_EVENTS, r -> r.select().where(record -> keys.contains(record.key())))) {
            records.awaitRecords(expected, WAIT);
            Map<String, List<Integer>> seen = new HashMap<>();
            Set<String> firstCopies = new HashSet<>();
            for (ConsumerRecord<String, String> record : records.getRecords()) {
                if (firstCopies.add(header(record, "ce_id"))) {
                    seen.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(Integer.valueOf(header(record, "ce_aggregateversion")));
                }
            }
            return seen;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void a_transaction_that_began_before_the_last_version_was_appended_cannot_append_the_next_one() {
        String id = register(); // version 1
        SqlConnection batch = pool.getConnection().await().atMost(WAIT);
        try {
            // a consumer's batch: its transaction gets its id by writing something first
            Transaction transaction = batch.begin().await().atMost(WAIT);
            batch.query("SELECT pg_current_xact_id()").execute().await().atMost(WAIT);

            repeatVisit(id, "committed by a younger transaction"); // version 2

            // the batch now sees version 2 and would append version 3 with the older transaction id
            assertThatThrownBy(() -> petitions.handle(batch, UUID.fromString(id), visitBy("the batch"), null,
                    EventMetadata.ofRequest("batch")).await().atMost(WAIT))
                    .isInstanceOf(PgException.class)
                    .satisfies(e -> assertThat(((PgException) e).getSqlState()).isEqualTo("40001"));
            transaction.rollback().await().atMost(WAIT);
        } finally {
            batch.close().await().atMost(WAIT);
        }
        // run again in a new transaction, the batch appends version 3 after version 2
        pool.withTransaction(tx -> petitions.handle(tx, UUID.fromString(id), visitBy("the batch, again"), null,
                EventMetadata.ofRequest("batch"))).await().atMost(WAIT);

        assertThat(versionsAsConsumed(Set.of(id), 3).get(id)).containsExactly(1, 2, 3);
    }

    @Test
    void many_writers_appending_to_the_same_streams_at_once_are_seen_by_a_consumer_in_version_order() throws Exception {
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> register()).toList();
        int writers = 4;
        int batchesEach = 8;
        int streamsPerBatch = 3;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Void>> done = threads.invokeAll(IntStream.range(0, writers).<Callable<Void>>mapToObj(w -> () -> {
                for (int i = 0; i < batchesEach; i++) {
                    List<String> streams = new ArrayList<>(ids);
                    Collections.shuffle(streams);
                    // like a consumer's batch: one transaction appends to several streams, one after another, so it
                    // has its transaction id before it loads the later ones
                    // and, as a consumer does, runs again (here: until it succeeds) when it lost a race
                    Uni.createFrom().deferred(() -> pool.withTransaction(tx -> Multi.createFrom()
                            .iterable(streams.subList(0, streamsPerBatch))
                            .onItem().transformToUniAndConcatenate(id -> petitions.handle(tx, UUID.fromString(id),
                                    visitBy("writer " + w), null, EventMetadata.ofRequest("writer-" + w)))
                            .collect().last()))
                            .onFailure(Failures::isTransient).retry().indefinitely()
                            .await().atMost(WAIT);
                }
                return null;
            }).toList());
            for (Future<Void> writer : done) {
                writer.get(); // every batch was appended, however many races it lost on the way
            }
        } finally {
            threads.shutdown();
        }

        int appended = ids.size() + writers * batchesEach * streamsPerBatch;
        assertThat(pool.preparedQuery("SELECT count(*) FROM event WHERE aggregate_id = ANY($1)")
                .execute(Tuple.of(ids.stream().map(UUID::fromString).toArray(UUID[]::new))).await().atMost(WAIT)
                .iterator().next().getLong(0)).isEqualTo(appended);
        Map<String, List<Integer>> seen = versionsAsConsumed(new HashSet<>(ids), appended);
        int total = 0;
        for (String id : ids) {
            List<Integer> versions = seen.get(id);
            assertThat(versions).as("versions of %s as consumed", id).isSorted().doesNotHaveDuplicates().startsWith(1);
            assertThat(versions.get(versions.size() - 1)).isEqualTo(versions.size());
            total += versions.size();
        }
        assertThat(total).isEqualTo(appended);
    }
}
