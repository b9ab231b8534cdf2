package org.lettersvisits.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** assignment-service reading petition-events: each event applied once; a poison record goes to the dead letters. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private long count(String sql, Object param) {
        return pool.preparedQuery(sql).execute(Tuple.of(param)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void the_same_event_delivered_twice_is_applied_once() {
        PetitionRegistered petition = CaseFixtures.petition(true);
        UUID eventId = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.of(Topics.PETITION_EVENTS, petition.petitionId(), eventId, petition),
                    CloudEventRecords.of(Topics.PETITION_EVENTS, petition.petitionId(), eventId, petition))
                    .awaitCompletion(WAIT);
        }
        UUID marker = CaseFixtures.publishedPetition(true); // published after both copies, on any partition
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM known_petition WHERE id = $1", petition.petitionId()) == 1);

        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1", eventId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM known_petition WHERE id = $1", marker)).isEqualTo(1);
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_with_the_reason_and_consumption_goes_on() {
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.raw(Topics.PETITION_EVENTS, key, UUID.randomUUID().toString(),
                            "petition.registered.v1", "{this is not json"),
                    CloudEventRecords.raw(Topics.PETITION_EVENTS, key, UUID.randomUUID().toString(),
                            "petition.unheard-of.v9", "{}"))
                    .awaitCompletion(WAIT);

            try (ConsumerTask<String, String> dead = kafka.consumeStrings()
                    .withGroupId("dlq-test-" + key).withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics("assignment-service.dead-letters", records -> records.select().where(r -> key.equals(r.key())))) {
                dead.awaitRecords(2, WAIT);
                assertThat(dead.getRecords()).extracting(r -> header(r, "dead-letter-reason"))
                        .anySatisfy(reason -> assertThat(reason).contains("not valid"))
                        .anySatisfy(reason -> assertThat(reason).contains("unknown event type"));
            }
        }
        UUID after = CaseFixtures.publishedPetition(true); // waits until applied: the consumer kept going
        assertThat(count("SELECT count(*) FROM known_petition WHERE id = $1", after)).isEqualTo(1);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
