package org.lettersvisits.assignment.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

import org.lettersvisits.assignment.assigning.AssignRequest;
import org.lettersvisits.assignment.assigning.DeadlinePolicy;
import org.lettersvisits.assignment.domain.CaseCommand;
import org.lettersvisits.assignment.domain.CaseCommand.AssignCase;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.assignment.petitions.KnownPetitions;
import org.lettersvisits.assignment.queue.CaseProjection;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.eventstore.CommandKeys;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.CommandKeys;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandKeys;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.eventstore.CommandKeys;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.CommandKeys;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.time.BusinessDates;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Runs case commands: each in one transaction that records the events, their outbox entries and
 * the case view together; the outbox trigger wakes the relay at commit.
 */
@ApplicationScoped
public class CaseDesk {

    private final Pool pool;
    private final Clock clock;
    private final EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases;
    private final KnownPetitions petitions;
    private final DeadlinePolicy deadlines;
    private final CaseProjection projection;
    private final CommandKeys keys;

    CaseDesk(Pool pool, Clock clock, EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases,
            KnownPetitions petitions, DeadlinePolicy deadlines, CaseProjection projection, CommandKeys keys) {
        this.pool = pool;
        this.clock = clock;
        this.cases = cases;
        this.petitions = petitions;
        this.deadlines = deadlines;
        this.projection = projection;
        this.keys = keys;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Assigns a known law-and-litigation petition to a department; with an {@code Idempotency-Key} whose first try
     * took effect, answers with the case as it is ({@link CommandKeys}).
     */
    public Uni<Aggregate<CaseEvent, CaseFile>> assign(AssignRequest request, String actor, String idempotencyKey) {
        LocalDate assignedOn = notInFuture("assignedOn", request.assignedOn());
        Difficulty difficulty = request.difficulty() == null ? Difficulty.ROUTINE : request.difficulty();
        LocalDate deadline = deadlines.deadline(difficulty, assignedOn, request.deadline());
        return CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> keys.firstTry(tx, idempotencyKey,
                request.petitionId(), CaseCommand.Kind.ASSIGN.storedName).chain(first -> !first ? cases.load(tx, request.petitionId())
                : petitions.find(tx, request.petitionId()).chain(found -> {
            var petition = found.orElseThrow(() -> new CommandRejected(Reason.NOT_FOUND,
                    "petition " + request.petitionId() + " is not known here yet; retry shortly"));
            if (!petition.involvesLawAndLitigation()) {
                throw new CommandRejected(Reason.UNPROCESSABLE, "petition " + petition.caseNumber()
                        + " does not involve law and litigation; it is not assigned to a department");
            }
            return run(tx, petition.id(), new AssignCase(petition.id(), petition.id(), petition.caseNumber(),
                    petition.subject(), request.department(), request.responsibleLeader().trim(), difficulty, assignedOn,
                    deadline), null, EventMetadata.ofRequest(actor));
        }))));
    }

    /** Runs the service's own command (a watcher's) on a case in its own transaction; no department acts. */
    public Uni<Aggregate<CaseEvent, CaseFile>> execute(UUID caseId, CaseCommand command, Integer expectedVersion,
            EventMetadata metadata) {
        return execute(caseId, command, expectedVersion, metadata, department -> true, null);
    }

    /**
     * Runs a command on an existing case in its own transaction, if {@code mayAct} accepts the department
     * holding the case as loaded in that transaction (403 otherwise): a transfer committed a moment
     * before cannot be overtaken by the old department's command. With an {@code Idempotency-Key} whose first try
     * took effect, answers with the case as it is instead ({@link CommandKeys}).
     */
    public Uni<Aggregate<CaseEvent, CaseFile>> execute(UUID caseId, CaseCommand command, Integer expectedVersion,
            EventMetadata metadata, Predicate<Department> mayAct, String idempotencyKey) {
        Consumer<CaseFile> mayActOnIt = holdingDepartment(mayAct);
        return CommandRetries.runAgainOnLostRace(expectedVersion, () -> pool.withTransaction(tx -> keys.firstTry(tx,
                idempotencyKey, caseId, command.kind().storedName).chain(first -> first
                        ? cases.handleAndSave(tx, caseId, command, expectedVersion, metadata, mayActOnIt, projection::save)
                        : cases.load(tx, caseId).invoke(current -> mayActOnIt.accept(current.state())))));
    }

    /**
     * Runs a command on an existing case as {@link #execute(UUID, CaseCommand, Integer, EventMetadata, Predicate, String)}
     * does, after {@code first} wrote, in the same transaction and before the event is appended, what the event
     * describes (a file's bytes): both are committed or neither. A refusal rolls back what {@code first} wrote.
     */
    public Uni<Aggregate<CaseEvent, CaseFile>> execute(UUID caseId, CaseCommand command, EventMetadata metadata,
            Predicate<Department> mayAct, Function<SqlClient, Uni<Void>> first) {
        return CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> first.apply(tx)
                .chain(() -> cases.handleAndSave(tx, caseId, command, null, metadata, holdingDepartment(mayAct),
                        projection::save))));
    }

    /** 403 unless {@code mayAct} accepts the department holding the case as loaded in the command's transaction. */
    private static Consumer<CaseFile> holdingDepartment(Predicate<Department> mayAct) {
        return state -> {
            if (state.exists() && !mayAct.test(state.department())) {
                throw new ForbiddenException("the case is held by another department");
            }
        };
    }

    /** Runs a command in a transaction the caller holds (a consumer's), without a version check. */
    public Uni<Aggregate<CaseEvent, CaseFile>> executeIn(SqlClient tx, UUID caseId, CaseCommand command,
            EventMetadata metadata) {
        return run(tx, caseId, command, null, metadata);
    }

    private Uni<Aggregate<CaseEvent, CaseFile>> run(SqlClient tx, UUID caseId, CaseCommand command,
            Integer expectedVersion, EventMetadata metadata) {
        return cases.handleAndSave(tx, caseId, command, expectedVersion, metadata, projection::save);
    }

    public Uni<Aggregate<CaseEvent, CaseFile>> load(UUID caseId) {
        return cases.load(pool, caseId);
    }

    /** A business date from a request: today when absent, never in the future. */
    public LocalDate notInFuture(String field, LocalDate date) {
        return BusinessDates.todayOrPast(field, date, today());
    }
}
