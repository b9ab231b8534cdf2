package org.lettersvisits.kit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lettersvisits.contracts.EventEnvelope;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The relay's {@code outbox} channel outside Quarkus: each message the relay sends becomes a Kafka record on the real
 * broker test-support started, through a real producer (topic and key from the Kafka metadata, the CloudEvent's id,
 * type and aggregate version as {@code ce_} headers), and the send completes when the broker acknowledged it or the
 * producer refused it, as SmallRye's connector does. {@link #acceptUpTo} sets the producer's {@code max.request.size},
 * so a record can be made too large for it, and later fit.
 */
public final class KafkaChannel implements MutinyEmitter<String>, AutoCloseable {

    private final AtomicReference<KafkaProducer<String, String>> producer = new AtomicReference<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    public KafkaChannel() {
        acceptUpTo(1024 * 1024);
    }

    /** Replaces the producer by one that takes records up to {@code bytes}. */
    public void acceptUpTo(int bytes) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KitDatabase.kafkaBootstrapServers());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, bytes);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, String> previous = producer.getAndSet(
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public <M extends Message<? extends String>> Uni<Void> sendMessage(M message) {
        OutgoingKafkaRecordMetadata<?> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        ProducerRecord<String, String> record = new ProducerRecord<>(kafka.getTopic(), String.valueOf(kafka.getKey()),
                message.getPayload());
        header(record, EventEnvelope.ID, cloudEvent.getId());
        header(record, EventEnvelope.TYPE, cloudEvent.getType());
        header(record, EventEnvelope.SOURCE, String.valueOf(cloudEvent.getSource()));
        Map<String, Object> extensions = cloudEvent.getExtensions();
        if (extensions.containsKey(EventEnvelope.AGGREGATE_VERSION)) {
            header(record, EventEnvelope.AGGREGATE_VERSION, String.valueOf(extensions.get(EventEnvelope.AGGREGATE_VERSION)));
        }
        return Uni.createFrom().<Void>emitter(sent -> producer.get().send(record, (acknowledged, refused) -> {
            if (refused != null) {
                sent.fail(refused);
            } else {
                sent.complete(null);
            }
        })).runSubscriptionOn(sender); // in the order the relay sends, off the event loop (a send may wait for metadata)
    }

    private static void header(ProducerRecord<String, String> record, String attribute, String value) {
        record.headers().add(EventEnvelope.header(attribute), value.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the producer: every send fails until {@link #acceptUpTo} opens a new one. */
    public void disconnect() {
        producer.get().close();
    }

    @Override
    public void close() {
        producer.get().close();
        sender.shutdown();
    }

    @Override
    public Uni<Void> send(String payload) {
        return sendMessage(Message.of(payload));
    }

    @Override
    public void sendAndAwait(String payload) {
        send(payload).await().indefinitely();
    }

    @Override
    public Cancellable sendAndForget(String payload) {
        return send(payload).subscribe().with(done -> { }, failure -> { });
    }

    @Override
    public <M extends Message<? extends String>> void send(M message) {
        sendMessage(message).subscribe().with(done -> { }, failure -> { });
    }

    @Override
    public <M extends Message<? extends String>> void sendMessageAndAwait(M message) {
        sendMessage(message).await().indefinitely();
    }

    @Override
    public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M message) {
        return sendMessage(message).subscribe().with(done -> { }, failure -> { });
    }

    @Override
    public void complete() {
    }

    @Override
    public void error(Exception e) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean hasRequests() {
        return true;
    }
}
