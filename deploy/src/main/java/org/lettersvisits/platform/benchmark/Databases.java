package org.lettersvisits.platform.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.lettersvisits.platform.PlatformSettings;

/** JDBC connections to the local platform's PostgreSQL, as its superuser: the benchmark reads and loads behind the services. */
final class Databases {

    private Databases() {
    }

    static Connection connect(PlatformSettings settings, String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.put("user", "postgres");
        credentials.put("password", "postgres");
        return DriverManager.getConnection(settings.postgresJdbcUrl(database), credentials);
    }
}
