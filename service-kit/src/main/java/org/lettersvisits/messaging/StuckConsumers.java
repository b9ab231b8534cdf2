package org.lettersvisits.messaging;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which consumers are retrying a record in place right now: the topic, the record, since when, and the
 * last error. {@link ConsumersReadiness} reports them.
 */
@ApplicationScoped
public class StuckConsumers {

    /** A consumer retrying one record. */
    public record Stuck(String record, OffsetDateTime since, int attempts, String error) {
    }

    private final Map<String, Stuck> stuck = new ConcurrentHashMap<>();

    /** Records one more failed attempt on {@code record}. */
    void failed(ReceivedRecord record, Throwable error) {
        stuck.merge(record.topic(), new Stuck(record.position(), OffsetDateTime.now(), 1, describe(error)),
                (before, now) -> before.record().equals(now.record())
                        ? new Stuck(before.record(), before.since(), before.attempts() + 1, now.error())
                        : now);
    }

    /** The consumer of {@code topic} got past its record. */
    void recovered(ReceivedRecord record) {
        stuck.computeIfPresent(record.topic(), (topic, s) -> s.record().equals(record.position()) ? null : s);
    }

    /** The consumers retrying right now, by topic. */
    public Map<String, Stuck> stuck() {
        return Map.copyOf(stuck);
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
