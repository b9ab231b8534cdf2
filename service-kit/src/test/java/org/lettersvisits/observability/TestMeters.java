package org.lettersvisits.observability;

import io.micrometer.core.instrument.MeterRegistry;

/** The kit's meters outside CDI, on a registry a test reads. */
public final class TestMeters {

    private TestMeters() {
    }

    public static ConsumerMetrics consumerMetrics(MeterRegistry registry) {
        ConsumerMetrics metrics = new ConsumerMetrics();
        metrics.registry = registry;
        return metrics;
    }
}
