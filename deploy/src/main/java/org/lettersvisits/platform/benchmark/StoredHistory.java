package org.lettersvisits.platform.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.lettersvisits.platform.PlatformSettings;

/**
 * History loaded in bulk into petition-service's event store, not through the API, so intake can be measured
 * with a million events already stored: one event each of aggregates of their own type
 * ({@code benchmark-history}, which no code of the service reads or re-publishes), in the same table and
 * indexes, chained by the store's trigger like any other. Only for a platform that benchmarks, never a
 * committee's own data.
 */
public final class StoredHistory {

    private static final String LOAD = """
            INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor, correlation_id)
            SELECT gen_random_uuid(), 'benchmark-history', gen_random_uuid(), 1, 'benchmark.history.v1',
                   '{"history": true}'::jsonb, 'benchmark', gen_random_uuid()
            FROM generate_series(1, ?)""";

    private StoredHistory() {
    }

    /** Adds events until petition-service stores at least {@code events}; returns how many it stores then. */
    public static long fillTo(PlatformSettings settings, long events) throws SQLException {
        try (Connection connection = Databases.connect(settings, "petition")) {
            long stored = count(connection);
            if (stored < events) {
                try (PreparedStatement load = connection.prepareStatement(LOAD)) {
                    load.setLong(1, events - stored);
                    load.executeUpdate();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM ANALYZE event");
                }
            }
            return count(connection);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM event")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
