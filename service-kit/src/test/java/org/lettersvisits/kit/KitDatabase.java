package org.lettersvisits.kit;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A database of its own on the real PostgreSQL server that test-support starts (zonky's binaries, no Docker),
 * migrated with the migrations the kit ships ({@code db/eventstore} and {@code db/consumer}, as the services list
 * them in {@code quarkus.flyway.locations}), and a reactive pool onto it. One per test: nothing one test leaves
 * behind (an outbox row, a lease, a checkpoint) reaches the next. {@link #sql} runs a statement directly, behind
 * the kit's back, as an operator (or an intruder) would.
 */
public final class KitDatabase implements AutoCloseable {

    private static final Object STARTED = new Object();
    private static volatile String server;
    private static Vertx vertx;

    private final String name;
    private final Pool pool;

    private KitDatabase(String name, Pool pool) {
        this.name = name;
        this.pool = pool;
    }

    /** A new, migrated database. */
    public static KitDatabase fresh() {
        start();
        String name = "kit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        administer("CREATE DATABASE " + name);
        Flyway.configure().dataSource(jdbcUrl(name), "postgres", "postgres")
                .locations("classpath:db/eventstore", "classpath:db/consumer").outOfOrder(true)
                .load().migrate();
        PgConnectOptions options = connectOptions(name);
        Pool pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(6)).connectingTo(options)
                .using(vertx.getDelegate()).build());
        return new KitDatabase(name, pool);
    }

    /** The Vert.x the pools run on (one per test JVM). */
    public static Vertx vertx() {
        start();
        return vertx;
    }

    /** The bootstrap servers of the real Kafka broker test-support started. */
    public static String kafkaBootstrapServers() {
        start();
        return RealInfrastructure.kafkaBootstrapServers();
    }

    public Pool pool() {
        return pool;
    }

    /** Where to open a connection of one's own to this database (a LISTEN, a session of a second instance). */
    public PgConnectOptions connectOptions() {
        return connectOptions(name);
    }

    /** Runs {@code statement} directly in this database; the number of rows it changed. */
    public int sql(String statement) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(name), "postgres", "postgres");
                Statement s = connection.createStatement()) {
            return s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + statement, e);
        }
    }

    /** A connection of one's own to this database as {@code user}. */
    public Connection connection(String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(name), user, password);
    }

    /** Runs {@code statement} on the server, outside any test's database (a role made or dropped). */
    public static void onServer(String statement) {
        start();
        administer(statement);
    }

    /** The single number {@code query} answers. */
    public long number(String query) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(name), "postgres", "postgres");
                Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + query, e);
        }
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void start() {
        if (server == null) {
            synchronized (STARTED) {
                if (server == null) {
                    Map<String, String> config = new RealInfrastructure().start();
                    URI url = URI.create(config.get("quarkus.datasource.reactive.url"));
                    vertx = Vertx.vertx();
                    server = url.getHost() + ":" + url.getPort();
                }
            }
        }
    }

    private static PgConnectOptions connectOptions(String database) {
        return new PgConnectOptions().setHost(server.split(":")[0]).setPort(Integer.parseInt(server.split(":")[1]))
                .setDatabase(database).setUser("postgres").setPassword("postgres");
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + server + "/" + database;
    }

    private static void administer(String statement) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + statement, e);
        }
    }
}
