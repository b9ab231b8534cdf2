package org.lettersvisits.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What a service's own role may do in its database, granted by the schema's owner after every migration: read
 * and write its outbox, inbox, read models and keys, but only add to its append-only tables (the event log, the
 * anchors, the access log): no UPDATE, DELETE or TRUNCATE there, no table of migrations, no function of its own
 * (it creates nothing in the schema). Whoever connects as the service, a bug or an injected query included, can
 * then neither rewrite history quietly nor replace the functions that chain it. Only the owner, which runs the
 * migrations, can; and what the owner does is caught by the signed anchors kept outside the database
 * (docs/security.md, "A log the database owner cannot rewrite quietly").
 */
public final class LeastPrivilege {

    /** The advisory lock the grants are made under ("grants" in ASCII). */
    private static final long GRANTS_LOCK = 0x6772616e7473L;

    private LeastPrivilege() {
    }

    /**
     * Grants {@code serviceRole} its rights in the connection's database, as the connection's user (the owner).
     * Nothing happens when the service connects as the owner itself (a development database, a test): there is no
     * second role to hold back. Idempotent.
     */
    public static boolean grant(Connection owner, String serviceRole, List<String> appendOnlyTables) throws SQLException {
        if (serviceRole == null || serviceRole.isBlank() || serviceRole.equals(currentUser(owner))) {
            return false;
        }
        String role = quoted(owner, serviceRole);
        try (Statement sql = owner.createStatement()) {
            // replicas starting together grant at once, and two GRANTs on one catalog row fail ("tuple concurrently
            // updated"): one at a time, under a lock held until the grants are committed
            if (!owner.getAutoCommit()) {
                sql.execute("SELECT pg_advisory_xact_lock(" + GRANTS_LOCK + ")");
                grant(sql, owner, role, appendOnlyTables);
            } else {
                sql.execute("SELECT pg_advisory_lock(" + GRANTS_LOCK + ")");
                try {
                    grant(sql, owner, role, appendOnlyTables);
                } finally {
                    sql.execute("SELECT pg_advisory_unlock(" + GRANTS_LOCK + ")");
                }
            }
        }
        return true;
    }

    private static void grant(Statement sql, Connection owner, String role, List<String> appendOnlyTables) throws SQLException {
        sql.execute("DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO " + role.replace("'", "''")
                + "', current_database()); END $$");
        sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        sql.execute("GRANT USAGE ON SCHEMA public TO " + role);
        sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
        sql.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + role);
        sql.execute("REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM " + role);
        if (exists(owner, "flyway_schema_history")) {
            sql.execute("REVOKE ALL ON TABLE flyway_schema_history FROM " + role);
        }
        for (String table : appendOnlyTables) {
            if (exists(owner, table)) {
                sql.execute("REVOKE UPDATE, DELETE ON TABLE " + quoted(owner, table) + " FROM " + role);
            }
        }
        if (functionExists(owner, "rechain_stream")) {
            sql.execute("REVOKE EXECUTE ON FUNCTION rechain_stream(uuid) FROM PUBLIC");
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    private static String quoted(Connection connection, String identifier) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT quote_ident(?)")) {
            sql.setString(1, identifier);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            sql.setString(1, "public." + table);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static boolean functionExists(Connection connection, String function) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE n.nspname = 'public' AND p.proname = ?)")) {
            sql.setString(1, function);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
