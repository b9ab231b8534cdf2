package org.lettersvisits.eventstore;

import java.util.Objects;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A {@link ChainedLog} kept in a table that the trigger {@code chain_log_entry} chains (db/eventstore V0_20): verified
 * here in Java, page by page in the order the entries were written, each hash recomputed from the entry's columns.
 */
public final class ChainedTable implements ChainedLog {

    private static final int PAGE = 2000;

    private final Pool pool;
    private final String table;
    private final String name;

    /** {@code table} is a constant of the service's own, never input: it is written into the SQL. */
    public ChainedTable(Pool pool, String table, String name) {
        this.pool = pool;
        this.table = table;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Uni<String> head(SqlClient client) {
        return client.query("SELECT chain_seq, hash FROM " + table + " ORDER BY chain_seq DESC LIMIT 1").execute()
                .map(rows -> rows.rowCount() == 0 ? null : head(rows.iterator().next()));
    }

    private static String head(Row row) {
        return row.getLong("chain_seq") + ":" + row.getString("hash");
    }

    @Override
    public Uni<Boolean> holds(String head) {
        long seq = Long.parseLong(head.split(":")[0]);
        return pool.preparedQuery("SELECT chain_seq, hash FROM " + table + " WHERE chain_seq = $1").execute(Tuple.of(seq))
                .map(rows -> rows.rowCount() == 1 && head.equals(head(rows.iterator().next())));
    }

    @Override
    public Uni<Optional<String>> firstBroken() {
        return page(0, null);
    }

    private Uni<Optional<String>> page(long after, String previous) {
        return pool.withTransaction(tx -> tx.query("SET LOCAL TIME ZONE 'UTC'").execute()
                .chain(() -> tx.preparedQuery("SELECT chain_seq, previous_hash, hash,"
                        + " jsonb_strip_nulls(to_jsonb(r) - 'previous_hash' - 'hash')::text AS content FROM " + table
                        + " r WHERE chain_seq > $1 ORDER BY chain_seq LIMIT $2").execute(Tuple.of(after, PAGE))))
                .chain(rows -> {
                    long seq = after;
                    String hash = previous;
                    for (Row row : rows) {
                        long entry = row.getLong("chain_seq");
                        String problem = entry != seq + 1 ? "an entry before it is missing"
                                : !Objects.equals(row.getString("previous_hash"), hash) ? "its link to the entry before does not match"
                                : !Hashes.of(hash == null ? "" : hash, row.getString("content")).equals(row.getString("hash"))
                                        ? "it was altered" : null;
                        if (problem != null) {
                            return Uni.createFrom().item(Optional.of("entry " + entry + ": " + problem));
                        }
                        seq = entry;
                        hash = row.getString("hash");
                    }
                    return rows.rowCount() < PAGE ? Uni.createFrom().item(Optional.<String>empty()) : page(seq, hash);
                });
    }
}
