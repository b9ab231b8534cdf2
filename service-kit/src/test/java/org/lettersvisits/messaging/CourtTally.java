package org.lettersvisits.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.kit.KitDatabase;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A subscription of the tests: counts the cases the court accepted, in a table of the service's database. Its
 * update waits at most 300 ms for a row lock, so a lock held elsewhere makes it fail as a busy database does
 * (SQLSTATE 55P03). While {@link #refusing} is set, the domain refuses what it is asked, as a command can be.
 */
final class CourtTally implements Subscription {

    final AtomicBoolean refusing = new AtomicBoolean();
    private final KitDatabase db;

    CourtTally(KitDatabase db) {
        this.db = db;
        db.sql("CREATE TABLE court_tally (department text PRIMARY KEY, accepted integer NOT NULL)");
        db.sql("INSERT INTO court_tally VALUES ('court', 0)");
    }

    @Override
    public String name() {
        return "court-tally";
    }

    @Override
    public Uni<Void> apply(SqlClient transaction, InboundEvent event) {
        if (refusing.get()) {
            return Uni.createFrom().failure(new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the case is closed"));
        }
        return transaction.query("SET LOCAL lock_timeout = '300ms'").execute()
                .chain(() -> transaction.query("UPDATE court_tally SET accepted = accepted + 1 WHERE department = 'court'")
                        .execute())
                .replaceWithVoid();
    }

    /** How many acceptances the tally counted. */
    long accepted() {
        return db.number("SELECT accepted FROM court_tally WHERE department = 'court'");
    }
}
