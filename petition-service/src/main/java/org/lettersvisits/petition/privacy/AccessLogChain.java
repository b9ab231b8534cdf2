package org.lettersvisits.petition.privacy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.lettersvisits.eventstore.ChainedLog;
import org.lettersvisits.eventstore.ChainedTable;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * The access log ({@code record_view}) is chained entry by entry (V20) and its last entry goes into every anchor of the
 * event log, so whoever owns the database cannot remove who looked at whom without it showing in
 * {@code GET /api/admin/integrity}.
 */
public class AccessLogChain {

    @Produces
    @Singleton
    ChainedLog accessLog(Pool pool) {
        return new ChainedTable(pool, "record_view", "access log");
    }
}
