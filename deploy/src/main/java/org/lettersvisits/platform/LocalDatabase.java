package org.lettersvisits.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;

/**
 * Who may connect to the local PostgreSQL, and with which password: the superuser {@code postgres} (the launcher, the
 * benchmark, the chaos faults and the end-to-end tests, behind the services) and, per service database, its owner
 * {@code <db>_owner} and the service's own role {@code <db>_service}. Every password is random, made on first use and
 * kept owner-readable in the data folder ({@link LocalSecrets}); the server asks every connection for one
 * (scram-sha-256, see {@link PostgresPart}).
 */
public final class LocalDatabase {

    private LocalDatabase() {
    }

    /** The superuser's password, from {@code .platform-data/postgres-password} (made on first use). */
    public static String superuserPassword(PlatformSettings settings) {
        return LocalSecrets.randomBase64(settings.postgresPasswordFile(), 24, Base64.getUrlEncoder().withoutPadding());
    }

    /** The password of one of the services' roles, from {@code .platform-data/postgres-roles/<role>} (made on first use). */
    public static String rolePassword(PlatformSettings settings, String role) {
        return LocalSecrets.randomBase64(settings.postgresRolePasswordFile(role), 24, Base64.getUrlEncoder().withoutPadding());
    }

    /** The credentials of the superuser, for {@link DriverManager}. */
    public static Properties superuser(PlatformSettings settings) {
        return credentials("postgres", superuserPassword(settings));
    }

    /** A connection to {@code database} as the superuser. */
    public static Connection superuserConnection(PlatformSettings settings, String database) throws SQLException {
        return DriverManager.getConnection(settings.postgresJdbcUrl(database), superuser(settings));
    }

    /** A connection to {@code database} as {@code role}, with the password the launcher keeps for it. */
    public static Connection connectAs(PlatformSettings settings, String role, String database) throws SQLException {
        return DriverManager.getConnection(settings.postgresJdbcUrl(database), credentials(role, rolePassword(settings, role)));
    }

    static Properties credentials(String user, String password) {
        Properties credentials = new Properties();
        credentials.put("user", user);
        credentials.put("password", password);
        return credentials;
    }
}
