package org.lettersvisits.eventstore;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.problem.InvalidField;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code Idempotency-Key} on a command: the client names one command on one aggregate (the same key on every try),
 * and the key is recorded in the transaction of the command that took effect. A retry whose first try took effect
 * while its answer was lost (a process killed, a network cut) finds the key and is answered with the aggregate as
 * it is now instead of running again, which would be refused as a business conflict the user did not cause. A
 * command that was refused records nothing, so its retry is judged again. Two tries at once: the second waits for
 * the first's commit and then finds the key.
 */
@ApplicationScoped
public class CommandKeys {

    /**
     * Whether the command named by {@code key} runs now (true), or took effect before (false); always true without a key.
     *
     * @throws CommandRejected (422, a failed Uni) when the key was used for another command or aggregate;
     *         {@link InvalidField} (400) when it is not 1 to 200 characters
     */
    public Uni<Boolean> firstTry(SqlClient transaction, String key, UUID aggregateId, String action) {
        if (key == null) {
            return Uni.createFrom().item(true);
        }
        if (key.isBlank() || key.length() > 200) {
            return Uni.createFrom().failure(new InvalidField("Idempotency-Key", "must be 1 to 200 characters"));
        }
        return transaction.preparedQuery("""
                WITH recorded AS (
                    INSERT INTO command_key (key, aggregate_id, action) VALUES ($1, $2, $3)
                    ON CONFLICT (key) DO NOTHING RETURNING key)
                SELECT (SELECT count(*) FROM recorded) = 1 AS first_try""")
                .execute(Tuple.of(key, aggregateId, action))
                .chain(rows -> rows.iterator().next().getBoolean("first_try") ? Uni.createFrom().item(true)
                        : transaction.preparedQuery("SELECT aggregate_id, action FROM command_key WHERE key = $1")
                                .execute(Tuple.of(key)).map(found -> {
                                    var row = found.iterator().next();
                                    if (!aggregateId.equals(row.getUUID("aggregate_id")) || !action.equals(row.getString("action"))) {
                                        throw new CommandRejected(CommandRejected.Reason.UNPROCESSABLE,
                                                "Idempotency-Key " + key + " was used for another command");
                                    }
                                    return false;
                                }));
    }
}
