package org.lettersvisits.petition.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Whether a petition's case was ever closed: its timeline holds a {@code case.closed.v1}, or an event of a return
 * visit, which followup-service schedules only on a closure. A case reopened since still counts, so this is read from
 * the timeline, which keeps every event, not from the status, which a reopening turns back: the return-visit office
 * calls on a petitioner once the case was answered, whatever followed.
 */
@ApplicationScoped
public class ClosedCases {

    /** The timeline types that say a case was closed: the closure itself, and every event of a return visit. */
    static final List<String> CLOSURE_TYPES = Stream.concat(Stream.of(CaseClosed.class),
            Arrays.stream(ReturnVisitEvent.class.getPermittedSubclasses())).map(TimelineTypes::of).toList();

    private final Pool pool;

    ClosedCases(Pool pool) {
        this.pool = pool;
    }

    /** Whether the case of {@code petitionId} was ever closed. */
    public Uni<Boolean> everClosed(UUID petitionId) {
        return everClosed(List.of(petitionId)).map(closed -> closed.contains(petitionId));
    }

    /** The petitions among {@code petitionIds} whose case was ever closed. */
    public Uni<Set<UUID>> everClosed(Collection<UUID> petitionIds) {
        return pool.preparedQuery("""
                SELECT DISTINCT petition_id FROM timeline_entry WHERE petition_id = ANY($1) AND type = ANY($2)""")
                .execute(Tuple.of(petitionIds.toArray(UUID[]::new), CLOSURE_TYPES.toArray(String[]::new)))
                .map(rows -> {
                    Set<UUID> closed = new HashSet<>();
                    rows.forEach(row -> closed.add(row.getUUID("petition_id")));
                    return closed;
                });
    }
}
