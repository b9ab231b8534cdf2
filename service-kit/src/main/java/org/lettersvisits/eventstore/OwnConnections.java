package org.lettersvisits.eventstore;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.pgclient.PgConnectOptions;

/**
 * Where to open a database connection of one's own, outside the pool: for what must stay on one
 * session (a LISTEN, a session advisory lock), which a pooled connection, handed to others between
 * uses, cannot give.
 */
@ApplicationScoped
public class OwnConnections {

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** Which instance of the service this is, among replicas (the launcher sets PLATFORM_INSTANCE). */
    @ConfigProperty(name = "platform.instance")
    Optional<String> instance;

    /**
     * The service's database, as its pool reaches it, named in pg_stat_activity by the instance and
     * {@code purpose} (e.g. "petition-service-2 outbox relay leadership").
     */
    public PgConnectOptions options(String purpose) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.split(",")[0].trim());
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.addProperty("application_name", instance.orElse(application) + " " + purpose);
        return options;
    }
}
