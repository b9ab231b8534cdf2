package org.lettersvisits.platform.benchmark;

import java.sql.Connection;
import java.sql.SQLException;

import org.lettersvisits.platform.LocalDatabase;
import org.lettersvisits.platform.PlatformSettings;

/** JDBC connections to the local platform's PostgreSQL, as its superuser (its password from the data folder): the benchmark reads and loads behind the services. */
final class Databases {

    private Databases() {
    }

    static Connection connect(PlatformSettings settings, String database) throws SQLException {
        return LocalDatabase.superuserConnection(settings, database);
    }
}
