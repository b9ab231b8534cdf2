package org.lettersvisits.platform.benchmark;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.platform.PlatformSettings;
import org.lettersvisits.platform.Polling;

/**
 * Each consumer's throughput draining a backlog: publishes {@link GeneratedEvents} onto the topics, then reads,
 * in each service's database, when its subscription recorded each of them as processed (the idempotency log every
 * consumer writes in the transaction that applies the event). Events per second = events applied / time from
 * the first to the last. All consumers drain at once, sharing the machine, as they would after an outage.
 */
final class ConsumerDrain {

    /** One subscription of one service: what it reads and how many of the backlog's events land on that topic. */
    private record Consumer(String service, String database, String subscription, String topic, int eventsPerCase) {
    }

    private static final List<Consumer> CONSUMERS = List.of(
            new Consumer("petition-service", "petition", "case-progress", Topics.ASSIGNMENT_EVENTS, 3),
            new Consumer("assignment-service", "assignment", "known-petitions", Topics.PETITION_EVENTS, 1),
            new Consumer("followup-service", "followup", "closed-cases", Topics.ASSIGNMENT_EVENTS, 3),
            new Consumer("reporting-service", "reporting", "report-inbox", Topics.PETITION_EVENTS, 1),
            new Consumer("reporting-service", "reporting", "report-inbox", Topics.ASSIGNMENT_EVENTS, 3));

    private ConsumerDrain() {
    }

    /** Publishes about {@code events} events (whole cases of four) and measures every consumer draining them. */
    static List<Drain> run(PlatformSettings settings, int events) throws Exception {
        int cases = Math.max(1, events / 4);
        Timestamp since = databaseNow(settings);
        RawRate published = GeneratedEvents.publish(settings, cases);
        List<Drain> drains = new ArrayList<>();
        drains.add(new Drain("Kafka producer", "(publishing the backlog)", published.operations(), published.perSecond()));
        for (Consumer consumer : CONSUMERS) {
            int expected = cases * consumer.eventsPerCase();
            Drain[] last = new Drain[1];
            Polling.until(consumer.service() + " draining " + consumer.topic(), Duration.ofSeconds(60 + expected / 100),
                    Duration.ofMillis(500),
                    () -> {
                        try {
                            last[0] = drained(settings, consumer, since);
                        } catch (SQLException e) {
                            throw new IOException("could not read " + consumer.database() + "'s processed events", e);
                        }
                        return last[0].events() >= expected;
                    });
            drains.add(last[0]);
        }
        return drains;
    }

    private static Drain drained(PlatformSettings settings, Consumer consumer, Timestamp since) throws SQLException {
        try (Connection connection = Databases.connect(settings, consumer.database());
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*), extract(epoch FROM max(processed_at) - min(processed_at)) FROM processed_event
                        WHERE subscription = ? AND topic = ? AND processed_at >= ?""")) {
            query.setString(1, consumer.subscription());
            query.setString(2, consumer.topic());
            query.setTimestamp(3, since);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long events = row.getLong(1);
                double seconds = row.getDouble(2);
                return new Drain(consumer.service(), consumer.subscription() + " on " + consumer.topic(), events,
                        seconds > 0 ? events / seconds : 0);
            }
        }
    }

    private static Timestamp databaseNow(PlatformSettings settings) throws SQLException {
        try (Connection connection = Databases.connect(settings, "postgres");
                ResultSet row = connection.createStatement().executeQuery("SELECT now()")) {
            row.next();
            return row.getTimestamp(1);
        }
    }
}
