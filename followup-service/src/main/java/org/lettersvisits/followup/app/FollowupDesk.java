package org.lettersvisits.followup.app;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.eventstore.CommandKeys;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.followup.domain.ReturnVisit;
import org.lettersvisits.followup.domain.ReturnVisitCommand;
import org.lettersvisits.followup.domain.ReturnVisitCommand.ScheduleReturnVisit;
import org.lettersvisits.followup.worklist.ReturnVisitProjection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Return-visit commands: each in one transaction with its events, outbox entries and worklist row; the
 * outbox trigger wakes the relay at commit.
 */
@ApplicationScoped
public class FollowupDesk {

    private final Pool pool;
    private final Clock clock;
    private final EventSourcedRepository<ReturnVisitCommand, ReturnVisitEvent, ReturnVisit> visits;
    private final ReturnVisitProjection projection;
    private final CommandKeys keys;

    /** Days after the closing date by which the return visit is due. */
    private final int dueDays;

    FollowupDesk(Pool pool, Clock clock,
            EventSourcedRepository<ReturnVisitCommand, ReturnVisitEvent, ReturnVisit> visits,
            ReturnVisitProjection projection, CommandKeys keys,
            @ConfigProperty(name = "followup.return-visit.due-days", defaultValue = "15") int dueDays) {
        this.pool = pool;
        this.clock = clock;
        this.visits = visits;
        this.projection = projection;
        this.keys = keys;
        this.dueDays = dueDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Schedules the return visit of a closure, in the consumer's transaction. The visit's id is
     * derived from the closing event's id, so one closure can never get two visits, and a case
     * closed again after a reopening gets a new one. The visit names its closure by {@code closureVersion}, so
     * its outcome reopens that closure and no later one. The worklist row gets the case's petition and subject and the
     * closure's resolution (free text, not in the visit's events).
     *
     * @param closureVersion the case's version after the closure (the record's {@code ce_aggregateversion}),
     *        null for a closure published before versions travelled
     * @param cause the closing event's metadata as its cause ({@code InboundEvent.asCause()})
     */
    public Uni<Void> scheduleFor(SqlClient tx, CaseClosed closed, Integer closureVersion, EventMetadata cause) {
        UUID visitId = UUID.nameUUIDFromBytes(("return-visit:" + cause.causationId()).getBytes(StandardCharsets.UTF_8));
        return run(tx, visitId, new ScheduleReturnVisit(visitId, closed.caseId(), closed.caseNumber(), closed.department(),
                closed.closedOn(), closed.closedOn().plusDays(dueDays), closureVersion), null, cause)
                .chain(() -> projection.describe(tx, visitId, closed.caseId(), closed.resolution()));
    }

    /**
     * Runs a command on a return visit in its own transaction; with an {@code Idempotency-Key} whose first try took
     * effect, answers with the visit as it is ({@link CommandKeys}).
     */
    public Uni<Aggregate<ReturnVisitEvent, ReturnVisit>> execute(UUID visitId, ReturnVisitCommand command,
            Integer expectedVersion, EventMetadata metadata, String idempotencyKey) {
        return CommandRetries.runAgainOnLostRace(expectedVersion, () -> pool.withTransaction(tx -> keys.firstTry(tx,
                idempotencyKey, visitId, command.storedName()).chain(first -> first
                        ? run(tx, visitId, command, expectedVersion, metadata) : visits.load(tx, visitId))));
    }

    private Uni<Aggregate<ReturnVisitEvent, ReturnVisit>> run(SqlClient tx, UUID visitId, ReturnVisitCommand command,
            Integer expectedVersion, EventMetadata metadata) {
        return visits.handleAndSave(tx, visitId, command, expectedVersion, metadata, projection::save);
    }
}
