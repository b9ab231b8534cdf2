package org.lettersvisits.assignment.reminders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which reminders went out: one row per day, addressee and recipient, its primary key the guarantee that a reminder is
 * sent once however many replicas run. A sender first claims the row (an insert only one replica wins), sends, then
 * marks it sent; a failed send gives the claim back so the next pass tries again, and a claim left by a process that
 * died before it could mark or release it is taken over after ten minutes. Each step is its own statement: no
 * transaction is open while the mail server is called.
 */
@ApplicationScoped
public class ReminderLedger {

    /** A row of the ledger, as the operators' list shows it. */
    public record Entry(LocalDate day, String audience, String addressee, String recipient, String claimedAt,
            String sentAt) {
    }

    @Inject
    Pool pool;

    /** Claims the reminder for this sender (a token of its own); false when it is sent or being sent elsewhere. */
    public Uni<Boolean> claim(LocalDate day, Digest.Audience audience, String addressee, String recipient, UUID sender) {
        return pool.preparedQuery("""
                INSERT INTO reminder_sent (day, audience, addressee, recipient, claimed_by) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (day, audience, addressee, recipient) DO UPDATE
                  SET claimed_by = EXCLUDED.claimed_by, claimed_at = now()
                  WHERE reminder_sent.sent_at IS NULL AND reminder_sent.claimed_at < now() - interval '10 minutes'
                RETURNING claimed_by""")
                .execute(Tuple.of(day, audience.name(), addressee, recipient, sender))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> markSent(LocalDate day, Digest.Audience audience, String addressee, String recipient, UUID sender) {
        return pool.preparedQuery("""
                UPDATE reminder_sent SET sent_at = now()
                WHERE day = $1 AND audience = $2 AND addressee = $3 AND recipient = $4 AND claimed_by = $5""")
                .execute(Tuple.of(day, audience.name(), addressee, recipient, sender)).replaceWithVoid();
    }

    /** Gives a claim back after a failed send, so the next pass sends it. */
    public Uni<Void> release(LocalDate day, Digest.Audience audience, String addressee, String recipient, UUID sender) {
        return pool.preparedQuery("""
                DELETE FROM reminder_sent
                WHERE day = $1 AND audience = $2 AND addressee = $3 AND recipient = $4 AND claimed_by = $5
                  AND sent_at IS NULL""")
                .execute(Tuple.of(day, audience.name(), addressee, recipient, sender)).replaceWithVoid();
    }

    /** The reminders of a day, sent or being sent. */
    public Uni<List<Entry>> of(LocalDate day) {
        return pool.preparedQuery("""
                SELECT day, audience, addressee, recipient, claimed_at::text AS claimed_at, sent_at::text AS sent_at
                FROM reminder_sent WHERE day = $1 ORDER BY audience, addressee, recipient""")
                .execute(Tuple.of(day)).map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(new Entry(r.getLocalDate("day"), r.getString("audience"),
                            r.getString("addressee"), r.getString("recipient"), r.getString("claimed_at"),
                            r.getString("sent_at"))));
                    return entries;
                });
    }
}
