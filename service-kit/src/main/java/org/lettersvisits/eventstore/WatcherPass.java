package org.lettersvisits.eventstore;

import java.util.List;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One pass of a scheduled watcher that may run in several instances at once: each candidate's
 * command is appended at the version the watcher read, so when another instance got there first
 * the event store reports a {@link ConcurrencyConflict}, which here simply means "already done";
 * each fact is recorded exactly once however many instances watch. A candidate that fails for any
 * other reason is logged and left for the next pass: it never keeps the others from being recorded.
 */
public final class WatcherPass {

    private static final Logger LOG = Logger.getLogger(WatcherPass.class);

    private WatcherPass() {
    }

    /**
     * Runs {@code attempt} for each candidate, one after another.
     *
     * @param attempt completes with true if it recorded an event for the candidate
     * @return how many candidates got an event in this pass
     */
    public static <T> Uni<Integer> run(Uni<List<T>> candidates, Function<T, Uni<Boolean>> attempt) {
        return candidates
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(candidate -> Uni.createFrom().deferred(() -> attempt.apply(candidate))
                        .onFailure(ConcurrencyConflict.class).recoverWithItem(false)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("watcher: %s failed and is left for the next pass: %s", candidate, failure.getMessage());
                            return false;
                        }))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }
}
