package org.lettersvisits.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * The local PostgreSQL's roles, made (or put right) by the launcher as the superuser at every start, idempotently:
 * per service database {@code <db>}, the owner {@code <db>_owner}, which owns the database, its schema {@code public}
 * and every table, sequence, view and function in it (Flyway migrates as it), and the service's own role
 * {@code <db>_service}, which the service connects as and which has only what the owner grants it after every
 * migration (service-kit's {@code LeastPrivilege}: no UPDATE or DELETE on the event log). Neither may log in as a
 * superuser, create databases or roles. Only these two may connect to the database. A data folder from before,
 * where everything belongs to {@code postgres}, is handed over to the owners.
 */
final class DatabaseRoles {

    private static final String SCRAM = "scram-sha-256";

    private DatabaseRoles() {
    }

    /** Prepares every service's database and roles; {@code server} is a superuser connection to database {@code postgres}. */
    static void prepare(PlatformSettings settings, Connection server) throws SQLException {
        for (PlatformSettings.Service service : settings.services()) {
            String owner = service.ownerRole();
            String own = service.serviceRole();
            role(server, owner, LocalDatabase.rolePassword(settings, owner));
            role(server, own, LocalDatabase.rolePassword(settings, own));
            String database = quoted(server, service.database());
            try (Statement sql = server.createStatement()) {
                if (exists(server, "SELECT 1 FROM pg_database WHERE datname = ?", service.database())) {
                    sql.execute("ALTER DATABASE " + database + " OWNER TO " + quoted(server, owner));
                } else {
                    sql.execute("CREATE DATABASE " + database + " OWNER " + quoted(server, owner));
                }
                sql.execute("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
                sql.execute("GRANT CONNECT ON DATABASE " + database + " TO " + quoted(server, owner) + ", "
                        + quoted(server, own));
            }
            try (Connection inside = LocalDatabase.superuserConnection(settings, service.database())) {
                handOver(inside, owner);
            }
        }
    }

    /** Makes {@code role} a plain login role (or puts it back to one) with {@code password}, stored as a SCRAM verifier. */
    private static void role(Connection server, String role, String password) throws SQLException {
        String name = quoted(server, role);
        try (Statement sql = server.createStatement()) {
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT";
            if (exists(server, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                sql.execute("ALTER ROLE " + name + attributes);
            } else {
                sql.execute("CREATE ROLE " + name + attributes);
            }
        }
        // the driver computes the SCRAM verifier itself: the password never reaches the server (nor its log) in clear
        server.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), SCRAM);
    }

    /**
     * Gives {@code owner} the schema {@code public} and every table, view, sequence and function in it that another role
     * owns (on a data folder of an earlier version: {@code postgres}). A table takes the sequences it owns along; an
     * extension's own objects stay with the extension.
     */
    static void handOver(Connection database, String owner) throws SQLException {
        String ownerName = quoted(database, owner);
        List<String> statements = new ArrayList<>();
        statements.add("ALTER SCHEMA public OWNER TO " + ownerName);
        try (PreparedStatement relations = database.prepareStatement("""
                SELECT format('ALTER %s %s OWNER TO %I', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                           WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass, ?)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = ?)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
                ORDER BY c.relkind = 'S', c.oid""");
                PreparedStatement routines = database.prepareStatement("""
                        SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, ?)
                        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = ?)
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                          AND d.objid = p.oid AND d.deptype = 'e')
                        ORDER BY p.oid""")) {
            for (PreparedStatement query : List.of(relations, routines)) {
                query.setString(1, owner);
                query.setString(2, owner);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        statements.add(rows.getString(1));
                    }
                }
            }
        }
        try (Statement sql = database.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(query)) {
            sql.setString(1, name);
            try (ResultSet row = sql.executeQuery()) {
                return row.next();
            }
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
}
