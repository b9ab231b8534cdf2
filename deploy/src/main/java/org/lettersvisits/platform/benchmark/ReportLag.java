package org.lettersvisits.platform.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.platform.PlatformSettings;
import org.lettersvisits.platform.Polling;

/**
 * The register → report lag at a steady rate: registrations sent through {@code POST /api/petitions} on a fixed
 * schedule (not one after another: a slow answer does not slow the schedule down), then, for each petition, the
 * time from its {@code PetitionRegistered} being appended in petition-service to reporting-service applying it to
 * the leader's figures (the event's time, against the start of the transaction reporting applied it in, as its
 * idempotency log records it; one clock, one machine).
 */
final class ReportLag {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private ReportLag() {
    }

    static Lag run(PlatformSettings settings, String token, LocalDate receivedOn, int perSecond, int seconds)
            throws Exception {
        URI url = URI.create(settings.services().get(0).baseUrl() + "/api/petitions");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(IntakeLoad.body(receivedOn))).build();
        int count = perSecond * seconds;
        List<UUID> registered = new CopyOnWriteArrayList<>();
        List<CompletableFuture<?>> answers = new CopyOnWriteArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        try {
            schedule.scheduleAtFixedRate(() -> {
                if (sent.getAndIncrement() < count) {
                    answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                        Matcher id = failure == null && response.statusCode() == 201 ? ID.matcher(response.body()) : null;
                        if (id != null && id.find()) {
                            registered.add(UUID.fromString(id.group(1)));
                        } else {
                            errors.incrementAndGet();
                        }
                    }));
                }
            }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
            Polling.until("sending " + count + " registrations", Duration.ofSeconds(seconds * 3L + 60), Duration.ofMillis(50),
                    () -> sent.get() >= count);
        } finally {
            schedule.shutdownNow();
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        double achieved = count / ((System.nanoTime() - start) / 1e9);
        double[] lag = new double[3];
        Polling.until("reporting applying " + registered.size() + " registrations", Duration.ofMinutes(5), Duration.ofMillis(200),
                () -> {
                    try {
                        read(settings, registered, lag);
                    } catch (SQLException e) {
                        throw new IOException("could not read reporting's processed events", e);
                    }
                    return lag[0] >= registered.size();
                });
        return new Lag(perSecond, count, achieved, lag[1], lag[2], errors.get());
    }

    private static void read(PlatformSettings settings, List<UUID> petitions, double[] countP50P99) throws SQLException {
        try (Connection connection = Databases.connect(settings, "reporting");
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY lag),
                               percentile_disc(0.99) WITHIN GROUP (ORDER BY lag)
                        FROM (SELECT extract(epoch FROM p.processed_at - r.at) * 1000 AS lag
                              FROM report_event r JOIN processed_event p
                                ON p.event_id = r.event_id AND p.subscription = 'report-inbox'
                              WHERE r.topic = ? AND r.aggregate_id = ANY (?)) lags""")) {
            query.setString(1, Topics.PETITION_EVENTS);
            query.setArray(2, connection.createArrayOf("uuid", petitions.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                countP50P99[0] = row.getLong(1);
                countP50P99[1] = row.getDouble(2);
                countP50P99[2] = row.getDouble(3);
            }
        }
    }
}
