package org.lettersvisits.platform.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.platform.PlatformSettings;

/**
 * A backlog of events published straight onto the platform's topics, as their owners would publish them (the
 * CloudEvent headers consumers check), for consumers to drain: cases received in the year 2001, each
 * registered (not law and litigation, so no assignment board lists it), assigned, accepted and given a new
 * deadline, so four events per case: one on {@code petition-events}, three on {@code assignment-events}. Only for a
 * platform that benchmarks: the cases stay in its reports for 2001.
 */
final class GeneratedEvents {

    static final LocalDate DAY = LocalDate.of(2001, 6, 6);
    static final String ACTOR = "benchmark";

    private GeneratedEvents() {
    }

    /** Publishes {@code cases} cases (four events each) and waits until the broker has them all; the producer's rate. */
    static RawRate publish(PlatformSettings settings, int cases) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        EventCodec codec = PlatformEvents.codec();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < cases; i++) {
                UUID id = UUID.randomUUID();
                String number = String.format("XF-2001-%07d", i);
                Department department = Department.values()[i % 3];
                send(producer, codec, Topics.PETITION_EVENTS, id, 1, new PetitionRegistered(id, number, Channel.LETTER, DAY,
                        1, "generated", false, null, false));
                send(producer, codec, Topics.ASSIGNMENT_EVENTS, id, 1, new CaseAssigned(id, id, number, "generated",
                        department, "Leader B", Difficulty.ROUTINE, DAY, DAY.plusDays(30)));
                send(producer, codec, Topics.ASSIGNMENT_EVENTS, id, 2, new CaseAccepted(id, department, DAY));
                send(producer, codec, Topics.ASSIGNMENT_EVENTS, id, 3, new DeadlineChanged(id, DAY.plusDays(30),
                        DAY.plusDays(60), "generated"));
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RawRate("generated events published", 1, cases * 4, cases * 4 / seconds, 0, 0);
    }

    private static void send(KafkaProducer<String, String> producer, EventCodec codec, String topic, UUID key, int version,
            Object event) {
        EventCodec.Encoded encoded = codec.encode(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), encoded.json());
        record.headers().add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes(encoded.type()))
                .add("ce_source", bytes(Topics.ownerOf(topic).orElseThrow()))
                .add("ce_actor", bytes(ACTOR))
                .add("ce_aggregateid", bytes(key.toString()))
                .add("ce_aggregateversion", bytes(String.valueOf(version)));
        producer.send(record);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
