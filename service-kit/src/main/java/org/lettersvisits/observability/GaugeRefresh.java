package org.lettersvisits.observability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Refreshes gauges read from the database on a Vert.x timer, every {@code lettersvisits.metrics.refresh-every}
 * (10 s): independent of the scheduler, which a service's tests may switch off. A failed read keeps the last
 * values and is tried again next time.
 */
@ApplicationScoped
public class GaugeRefresh {

    private static final Logger LOG = Logger.getLogger(GaugeRefresh.class);

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "lettersvisits.metrics.refresh-every", defaultValue = "10s")
    Duration every;

    /**
     * Registers a gauge that shows the value its refresh last read, e.g. {@code gauge("lettersvisits.cases.open",
     * "...", null, "department", "COURT")}: a base unit (or null) and tags as name, value pairs.
     */
    public AtomicLong gauge(String name, String description, String baseUnit, String... tags) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).baseUnit(baseUnit).tags(tags)
                .register(registry);
        return value;
    }

    /** Runs {@code refresh} now and then periodically; a failed refresh keeps the last values. */
    public void periodically(String what, Supplier<Uni<Void>> refresh) {
        run(what, refresh);
        vertx.setPeriodic(every.toMillis(), id -> run(what, refresh));
    }

    private static void run(String what, Supplier<Uni<Void>> refresh) {
        refresh.get().subscribe().with(done -> {
        }, failure -> LOG.debugf("could not refresh %s now: %s", what, failure.getMessage()));
    }
}
