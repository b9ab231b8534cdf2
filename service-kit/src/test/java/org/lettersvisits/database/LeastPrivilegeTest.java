package org.lettersvisits.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.kit.KitDatabase;

/**
 * The role a service connects as, granted by {@link LeastPrivilege} on a migrated database: it works its outbox, but
 * only adds to the event log and its anchors; it can neither rewrite nor remove an event, nor replace the functions that
 * chain them, nor create any of its own.
 */
class LeastPrivilegeTest {

    private KitDatabase db;
    private String role;

    @BeforeEach
    void aServiceRole() throws SQLException {
        db = KitDatabase.fresh();
        role = "kit_service_" + UUID.randomUUID().toString().substring(0, 8);
        KitDatabase.onServer("CREATE ROLE " + role + " LOGIN PASSWORD 'service-secret'");
        try (Connection owner = db.connection("postgres", "postgres")) {
            assertThat(LeastPrivilege.grant(owner, role, List.of("event", "event_anchor", "event_anchor_head"))).isTrue();
        }
        db.sql("INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor, correlation_id)"
                + " VALUES (gen_random_uuid(), 'letter', gen_random_uuid(), 1, 'letter.received.v1', '{}', 'clerk', gen_random_uuid())");
    }

    @AfterEach
    void dropAll() {
        db.close();
        KitDatabase.onServer("DROP ROLE " + role);
    }

    private void asService(String statement) throws SQLException {
        try (Connection service = db.connection(role, "service-secret"); Statement sql = service.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void the_service_adds_events_but_cannot_rewrite_or_remove_one() throws SQLException {
        asService("INSERT INTO event (event_id, aggregate_type, aggregate_id, version, type, payload, actor, correlation_id)"
                + " VALUES (gen_random_uuid(), 'letter', gen_random_uuid(), 1, 'letter.received.v1', '{}', 'clerk', gen_random_uuid())");
        assertThat(db.number("SELECT count(*) FROM event")).isEqualTo(2);

        assertThatThrownBy(() -> asService("UPDATE event SET payload = '{\"altered\": true}'"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asService("DELETE FROM event")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asService("TRUNCATE event")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asService("UPDATE event_anchor SET hash = 'x'")).hasMessageContaining("permission denied");
        assertThat(db.number("SELECT count(*) FROM event WHERE payload = '{}'")).isEqualTo(2);
    }

    @Test
    void the_service_cannot_replace_the_chain_nor_create_functions_nor_read_the_migrations() {
        assertThatThrownBy(() -> asService("CREATE OR REPLACE FUNCTION event_hash(e event, previous text) RETURNS text"
                + " LANGUAGE sql AS $$ SELECT e.hash $$")).hasMessageMatching(".*(must be owner|permission denied).*");
        assertThatThrownBy(() -> asService("CREATE FUNCTION mine() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asService("ALTER TABLE event DISABLE TRIGGER event_chained"))
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> asService("SELECT rechain_stream(gen_random_uuid())")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asService("SELECT * FROM flyway_schema_history")).hasMessageContaining("permission denied");
    }

    @Test
    void replicas_starting_together_grant_one_after_the_other() throws Exception {
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> grants = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean inTransaction = i % 2 == 0; // Flyway's callback may or may not run in a transaction
                grants.add(replicas.submit(() -> {
                    try (Connection owner = db.connection("postgres", "postgres")) {
                        owner.setAutoCommit(!inTransaction);
                        LeastPrivilege.grant(owner, role, List.of("event", "event_anchor", "event_anchor_head"));
                        if (inTransaction) {
                            owner.commit();
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> grant : grants) {
                grant.get(60, java.util.concurrent.TimeUnit.SECONDS); // "tuple concurrently updated" would surface here
            }
        } finally {
            replicas.shutdownNow();
        }
        assertThatThrownBy(() -> asService("DELETE FROM event")).hasMessageContaining("permission denied");
    }

    @Test
    void the_service_still_works_its_outbox() throws SQLException {
        asService("INSERT INTO outbox (event_id, topic, record_key, type, payload, subject, actor, recorded_at)"
                + " VALUES (gen_random_uuid(), 'letters', 'k', 't', '{}', 's', 'a', now())");
        asService("DELETE FROM outbox");
        assertThat(db.number("SELECT count(*) FROM outbox")).isZero();
    }
}
