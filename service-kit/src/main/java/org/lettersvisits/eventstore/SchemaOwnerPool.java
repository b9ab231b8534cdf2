package org.lettersvisits.eventstore;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * Produces the {@link SchemaOwner} pool: two connections at most, as {@code quarkus.flyway.username}; the service's
 * own pool when the service connects as the owner anyway (development, tests).
 */
@ApplicationScoped
public class SchemaOwnerPool {

    @ConfigProperty(name = "quarkus.flyway.username")
    Optional<String> owner;

    @ConfigProperty(name = "quarkus.flyway.password")
    Optional<String> ownerPassword;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> serviceRole;

    @Produces
    @Singleton
    @SchemaOwner
    Pool ownerPool(Pool servicePool, OwnConnections connections, Vertx vertx) {
        if (owner.isEmpty() || Objects.equals(owner, serviceRole)) {
            return servicePool;
        }
        PgConnectOptions options = connections.options("schema owner");
        options.setUser(owner.get());
        ownerPassword.ifPresent(options::setPassword);
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(options)
                .using(vertx.getDelegate()).build());
    }

    void close(@Disposes @SchemaOwner Pool pool, Pool servicePool) {
        if (pool != servicePool) {
            pool.closeAndAwait();
        }
    }
}
