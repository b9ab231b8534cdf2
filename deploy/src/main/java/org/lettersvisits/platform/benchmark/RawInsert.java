package org.lettersvisits.platform.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.lettersvisits.platform.PlatformSettings;

/**
 * The database's own limit beside intake, pgbench-style: a single-row INSERT of a JSON document and its COMMIT
 * (autocommit), from {@code connections} clients at once, on the platform's PostgreSQL server, in a scratch
 * database {@code benchmark_scratch} so no service's data is touched. Same server, same durability settings.
 */
final class RawInsert {

    private static final String DATABASE = "benchmark_scratch";
    private final PlatformSettings settings;

    RawInsert(PlatformSettings settings) {
        this.settings = settings;
    }

    /** The server's durability settings, as the figures were measured under them. */
    Map<String, String> durability() throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
                    row.next();
                    values.put(setting, row.getString(1));
                }
            }
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        try (Connection connection = connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_insert (id bigserial PRIMARY KEY, payload jsonb NOT NULL)");
            statement.execute("TRUNCATE raw_insert");
        }
        return values;
    }

    RawRate run(int connections, int count) throws Exception {
        List<Connection> open = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            for (int i = 0; i < connections; i++) {
                open.add(connect(DATABASE));
            }
            Latencies latencies = new Latencies(count);
            AtomicInteger left = new AtomicInteger(count);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (Connection connection : open) {
                workers.add(pool.submit(() -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO raw_insert (payload) VALUES (?::jsonb)")) {
                        insert.setString(1, "{\"subject\":\"benchmark petition\",\"channel\":\"LETTER\"}");
                        while (left.getAndDecrement() > 0) {
                            long sent = System.nanoTime();
                            insert.executeUpdate();
                            latencies.add(System.nanoTime() - sent);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new RawRate("INSERT + COMMIT", connections, count, count / seconds, latencies.percentileMillis(50),
                    latencies.percentileMillis(99));
        } finally {
            pool.shutdownNow();
            for (Connection connection : open) {
                connection.close();
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return Databases.connect(settings, database);
    }
}
