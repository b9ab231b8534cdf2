package org.lettersvisits.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.DeadLetterTopics;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * assignment-service reading petition-events: each event applied once; a record that can never be
 * applied goes to the dead letters with the reason; a type it does not handle is skipped.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private long count(String sql, Object param) {
        return pool.preparedQuery(sql).execute(Tuple.of(param)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    /** How many deliveries known-petitions recognised as redeliveries of an event it had applied: it changed nothing. */
    private double redeliveriesRecognised() {
        Counter counter = registry.find("lettersvisits.consumer.events")
                .tags("subscription", "known-petitions", "result", "already_applied").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void the_same_event_delivered_twice_is_applied_once() {
        PetitionRegistered petition = CaseFixtures.petition(true);
        UUID eventId = UUID.randomUUID();
        // a later petition on the same key, so on the same partition: once it is handled, both copies were
        PetitionRegistered after = CaseFixtures.petition(true);
        UUID afterEvent = UUID.randomUUID();
        double redeliveriesBefore = redeliveriesRecognised();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.of(Topics.PETITION_EVENTS, petition.petitionId(), eventId, petition),
                    CloudEventRecords.of(Topics.PETITION_EVENTS, petition.petitionId(), eventId, petition),
                    CloudEventRecords.of(Topics.PETITION_EVENTS, petition.petitionId(), afterEvent, after))
                    .awaitCompletion(WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1",
                afterEvent)).as("the later event on the partition, handled").isEqualTo(1));

        // applied: assignment knows the petition, as the event told it, once
        assertThat(count("SELECT count(*) FROM known_petition WHERE id = $1", petition.petitionId()))
                .as("rows of the petition the event registered").isEqualTo(1);
        var known = pool.preparedQuery("SELECT case_number, subject FROM known_petition WHERE id = $1")
                .execute(Tuple.of(petition.petitionId())).await().atMost(WAIT).iterator().next();
        assertThat(known.getString("case_number")).isEqualTo(petition.caseNumber());
        assertThat(known.getString("subject")).isEqualTo("wage arrears lawsuit delayed");
        // once: the second copy was recognised as a redelivery and not applied again (known_petition cannot show it:
        // its primary key keeps one row however often the insert runs)
        await().atMost(WAIT).untilAsserted(() -> assertThat(redeliveriesRecognised() - redeliveriesBefore)
                .as("copies recognised as a redelivery").isGreaterThanOrEqualTo(1));
        assertThat(redeliveriesRecognised() - redeliveriesBefore).as("copies recognised as a redelivery").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1", eventId)).isEqualTo(1);
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_with_the_reason_and_consumption_goes_on() {
        UUID key = UUID.randomUUID();
        UUID malformed = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.raw(Topics.PETITION_EVENTS, key.toString(),
                    malformed.toString(), "petition.registered.v1", "{this is not json")).awaitCompletion(WAIT);
        }
        UUID after = CaseFixtures.publishedPetition(true); // waits until applied: the consumer kept going

        ConsumerRecord<String, String> dead = deadLetter(malformed);
        assertThat(header(dead, "dead-letter-kind")).isEqualTo("UNREADABLE");
        assertThat(header(dead, "dead-letter-reason")).contains("not valid");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.PETITION_EVENTS);
        assertThat(header(dead, "ce_type")).isEqualTo("petition.registered.v1");
        assertThat(count("SELECT count(*) FROM known_petition WHERE id = $1", after)).isEqualTo(1);
    }

    @Test
    void a_poison_record_among_others_read_in_one_batch_is_dead_lettered_alone_and_the_rest_applied() {
        List<PetitionRegistered> petitions = Stream.generate(() -> CaseFixtures.petition(true)).limit(40).toList();
        PetitionRegistered forged = CaseFixtures.petition(true);
        UUID forgedEvent = UUID.randomUUID();
        EventCodec.Encoded encoded = PlatformEvents.codec().encode(forged);
        UUID sentinel = UUID.randomUUID();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        petitions.subList(0, 20).forEach(p -> records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, p.petitionId(), p)));
        records.add(CloudEventRecords.from("followup-service", Topics.PETITION_EVENTS, forged.petitionId().toString(),
                forgedEvent.toString(), encoded.type(), encoded.json()));
        petitions.subList(20, 40).forEach(p -> records.add(CloudEventRecords.of(Topics.PETITION_EVENTS, p.petitionId(), p)));
        // behind the forged record on its partition: dead-lettered after it
        records.add(DeadLetterTopics.sentinel(Topics.PETITION_EVENTS, forged.petitionId(), sentinel));
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }

        List<ConsumerRecord<String, String>> dead = DeadLetterTopics.readUntil("assignment-service", sentinel, WAIT);
        assertThat(dead).extracting(DeadLetterTopics::eventId).contains(forgedEvent.toString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(petitions).allSatisfy(p -> assertThat(
                count("SELECT count(*) FROM known_petition WHERE id = $1", p.petitionId())).isEqualTo(1)));
        assertThat(dead).as("only the forged record is dead-lettered").extracting(r -> r.key())
                .doesNotContainAnyElementsOf(petitions.stream().map(p -> p.petitionId().toString()).toList());
        assertThat(count("SELECT count(*) FROM known_petition WHERE id = $1", forged.petitionId())).isZero();
    }

    @Test
    void a_type_assignment_does_not_handle_is_skipped_not_dead_lettered() {
        UUID key = UUID.randomUUID();
        UUID unheardOf = UUID.randomUUID();
        UUID sentinel = UUID.randomUUID();
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(
                    CloudEventRecords.raw(Topics.PETITION_EVENTS, key.toString(), unheardOf.toString(),
                            "petition.merged-with.v1", "{\"petitionId\":\"" + key + "\"}"),
                    DeadLetterTopics.sentinel(Topics.PETITION_EVENTS, key, sentinel))
                    .awaitCompletion(WAIT);
        }
        assertThat(DeadLetterTopics.readUntil("assignment-service", sentinel, WAIT))
                .extracting(DeadLetterTopics::eventId).doesNotContain(unheardOf.toString());
    }

    @Test
    void a_petition_from_a_service_that_does_not_own_petition_events_is_dead_lettered_as_forged() {
        PetitionRegistered forged = CaseFixtures.petition(true);
        UUID eventId = UUID.randomUUID();
        EventCodec.Encoded encoded = PlatformEvents.codec().encode(forged);
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(CloudEventRecords.from("followup-service", Topics.PETITION_EVENTS,
                    forged.petitionId().toString(), eventId.toString(), encoded.type(), encoded.json())).awaitCompletion(WAIT);
        }

        ConsumerRecord<String, String> dead = deadLetter(eventId);
        assertThat(header(dead, "dead-letter-kind")).isEqualTo("FORGED_SOURCE");
        assertThat(header(dead, "dead-letter-reason")).contains("followup-service").contains("petition-service");
        assertThat(count("SELECT count(*) FROM known_petition WHERE id = $1", forged.petitionId())).isZero();
    }

    private static ConsumerRecord<String, String> deadLetter(UUID eventId) {
        return DeadLetterTopics.readUntil("assignment-service", eventId, WAIT).stream()
                .filter(r -> eventId.toString().equals(DeadLetterTopics.eventId(r))).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
