package org.lettersvisits.database;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * After every migration (Flyway runs as the schema's owner, {@code quarkus.flyway.username}), grants the role the
 * service connects as ({@code quarkus.datasource.username}) what {@link LeastPrivilege} allows it, so a table added
 * by a later migration is covered at the next start and the append-only tables stay append-only.
 */
@Singleton
public class ServiceRoleGrants implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(ServiceRoleGrants.class);

    @ConfigProperty(name = "quarkus.datasource.username")
    java.util.Optional<String> serviceRole;

    @ConfigProperty(name = "lettersvisits.database.append-only")
    List<String> appendOnly;

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] callbacks = java.util.Arrays.copyOf(existing, existing.length + 1);
        callbacks[existing.length] = new AfterMigrate();
        configuration.callbacks(callbacks);
    }

    private final class AfterMigrate implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                if (LeastPrivilege.grant(context.getConnection(), serviceRole.orElse(null), appendOnly)) {
                    LOG.infof("granted the service role its rights; append-only: %s", appendOnly);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not grant the service role its rights: " + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "service role grants";
        }
    }
}
