package org.lettersvisits.platform.benchmark;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lettersvisits.platform.PlatformSettings;

/**
 * The broker's own limit beside intake: one producer with the relays' settings (acks=all, idempotent) sending
 * records the size of a published registration to a scratch topic {@code benchmark.raw}, as fast as it can.
 */
final class RawKafka {

    private static final String TOPIC = "benchmark.raw";

    private RawKafka() {
    }

    static RawRate run(PlatformSettings settings, int count) throws Exception {
        try (Admin admin = settings.kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1).configs(Map.of("retention.ms", "600000"))))
                    .all().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        String value = "{\"petitionId\":\"00000000-0000-0000-0000-000000000000\",\"subject\":\"benchmark petition\","
                + "\"channel\":\"LETTER\",\"receivedOn\":\"2026-11-28\",\"receivedBy\":\"benchmark\"}".repeat(3);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", value)).get();
            long start = System.nanoTime();
            Future<RecordMetadata> last = null;
            for (int i = 0; i < count; i++) {
                last = producer.send(new ProducerRecord<>(TOPIC, Integer.toString(i), value));
            }
            producer.flush();
            last.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new RawRate("Kafka send (acks=all)", 1, count, count / seconds, 0, 0);
        }
    }
}
