package org.lettersvisits.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the consumers do, per subscription: {@code lettersvisits_consumer_events_total{subscription, result}}
 * (applied, already_applied, skipped), {@code lettersvisits_consumer_retries_total} (a transient failure
 * retried in place) and {@code lettersvisits_dead_letters_total{subscription, kind}}. Lag per partition
 * comes from the Kafka clients' own metrics ({@code kafka_consumer_fetch_manager_records_lag}).
 */
@ApplicationScoped
public class ConsumerMetrics {

    @Inject
    MeterRegistry registry;

    public void handled(String subscription, String result) {
        registry.counter("lettersvisits.consumer.events", "subscription", subscription, "result", result).increment();
    }

    public void retried(String subscription) {
        registry.counter("lettersvisits.consumer.retries", "subscription", subscription).increment();
    }

    public void deadLettered(String subscription, String kind) {
        registry.counter("lettersvisits.dead.letters", "subscription", subscription, "kind", kind).increment();
    }
}
