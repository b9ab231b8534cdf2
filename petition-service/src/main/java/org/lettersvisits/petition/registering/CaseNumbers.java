package org.lettersvisits.petition.registering;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Hands out case numbers staff can read aloud, {@code XF-<year>-<five digits>}, sequential per
 * year. The counter row stays locked until the registering transaction ends, so concurrent
 * registrations queue for it and a number is never handed out twice.
 */
@ApplicationScoped
public class CaseNumbers {

    public Uni<String> next(SqlClient transaction, int year) {
        return transaction.preparedQuery("""
                INSERT INTO case_number_counter (year, last_number) VALUES ($1, 1)
                ON CONFLICT (year) DO UPDATE SET last_number = case_number_counter.last_number + 1
                RETURNING last_number""")
                .execute(Tuple.of(year))
                .map(rows -> format(year, rows.iterator().next().getInteger("last_number")));
    }

    static String format(int year, int number) {
        return String.format("XF-%d-%05d", year, number);
    }
}
