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
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.lettersvisits.platform.PlatformSettings;
import org.lettersvisits.platform.Polling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * reporting-service's rebuild of its read models, through its admin API, with a log of a given size: the log is
 * first filled in bulk (SQL, not Kafka) by copying the {@link GeneratedEvents} it received, as new cases with ids
 * of their own, until it holds that many events; then the rebuild replays all of them into a fresh generation.
 */
final class RebuildRate {

    private static final String COPY = """
            INSERT INTO report_event (event_id, topic, type, source, body, headers, aggregate_id, aggregate_version, actor, at)
            SELECT gen_random_uuid(), e.topic, e.type, e.source,
                   replace(e.body, e.aggregate_id::text, copy.id::text), e.headers, copy.id, e.aggregate_version, e.actor, e.at
            FROM generate_series(1, ?) AS n
            CROSS JOIN report_event e
            CROSS JOIN LATERAL (SELECT md5(e.aggregate_id::text || '/' || n)::uuid AS id) copy
            WHERE e.actor = ?
            LIMIT ?""";

    private RebuildRate() {
    }

    /** Fills reporting's log up to {@code events} (if it holds fewer) and rebuilds; the rebuild as the service reports it. */
    static Rebuild run(PlatformSettings settings, HttpClient http, String adminToken, long events) throws Exception {
        long stored = fill(settings, events);
        String base = settings.services().get(3).baseUrl() + "/api/admin/projections";
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/rebuild"))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        ObjectMapper json = new ObjectMapper();
        AtomicReference<JsonNode> status = new AtomicReference<>();
        Polling.until("the rebuild", Duration.ofMinutes(30), Duration.ofMillis(200), () -> {
            status.set(json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                    .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString()).body()));
            if ("FAILED".equals(status.get().path("status").asText())) {
                throw new IllegalStateException("rebuild failed: " + status.get());
            }
            return "DONE".equals(status.get().path("status").asText());
        });
        return new Rebuild(stored, status.get().path("replayed").asLong(), status.get().path("eventsPerSecond").asDouble());
    }

    private static long fill(PlatformSettings settings, long events) throws SQLException, IOException {
        try (Connection connection = Databases.connect(settings, "reporting")) {
            long stored = count(connection, "SELECT count(*) FROM report_event");
            long generated = count(connection, "SELECT count(*) FROM report_event WHERE actor = '" + GeneratedEvents.ACTOR + "'");
            if (stored < events) {
                if (generated == 0) {
                    throw new IOException("reporting holds no generated events to copy: drain a backlog first");
                }
                try (PreparedStatement copy = connection.prepareStatement(COPY)) {
                    copy.setLong(1, (events - stored + generated - 1) / generated);
                    copy.setString(2, GeneratedEvents.ACTOR);
                    copy.setLong(3, events - stored);
                    copy.executeUpdate();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM ANALYZE report_event");
                }
            }
            return count(connection, "SELECT count(*) FROM report_event");
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
