package org.lettersvisits.petition.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventSourcedRepository.Outcome;
import org.lettersvisits.petition.calendar.JointVisitCalendar;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionCommand.RecordAcceptanceNotice;
import org.lettersvisits.petition.domain.PetitionCommand.RecordRepeatVisit;
import org.lettersvisits.petition.domain.PetitionCommand.RegisterPetition;
import org.lettersvisits.petition.privacy.Petitioners;
import org.lettersvisits.petition.registering.CaseNumbers;
import org.lettersvisits.petition.registering.IdempotentRegistrations;
import org.lettersvisits.petition.registering.PetitionRequest;
import org.lettersvisits.petition.registering.RegistrationResult;
import org.lettersvisits.petition.registering.VisitRequest;
import org.lettersvisits.petition.search.PetitionProjection;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.time.BusinessDates;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Reception's commands: each runs in one transaction that records the events, their outbox
 * entries, the search view and the timeline together; the outbox trigger wakes the relay at commit. An erasure is
 * the administrator's ({@code PetitionerErasure}).
 */
@ApplicationScoped
public class PetitionDesk {

    private final Pool pool;
    private final Clock clock;
    private final EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions;
    private final JointVisitCalendar calendar;
    private final CaseNumbers caseNumbers;
    private final IdempotentRegistrations idempotency;
    private final PetitionProjection projection;
    private final Petitioners petitioners;

    PetitionDesk(Pool pool, Clock clock, EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions,
            JointVisitCalendar calendar, CaseNumbers caseNumbers, IdempotentRegistrations idempotency,
            PetitionProjection projection, Petitioners petitioners) {
        this.pool = pool;
        this.clock = clock;
        this.petitions = petitions;
        this.calendar = calendar;
        this.caseNumbers = caseNumbers;
        this.idempotency = idempotency;
        this.projection = projection;
        this.petitioners = petitioners;
    }

    /** Registers a petition, or replays the first result for a repeated {@code Idempotency-Key}. */
    public Uni<RegistrationResult> register(PetitionRequest request, String actor, String idempotencyKey) {
        LocalDate today = LocalDate.now(clock);
        LocalDate receivedOn = BusinessDates.todayOrPast("receivedOn", request.receivedOn(), today);
        if (idempotencyKey == null) {
            return pool.withTransaction(tx -> registerNew(tx, request, receivedOn, today, actor));
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidField("Idempotency-Key", "must be 1 to 200 characters");
        }
        String hash = IdempotentRegistrations.hash(request);
        return pool.withTransaction(tx -> idempotency.previous(tx, idempotencyKey, hash)
                .chain(previous -> previous != null ? Uni.createFrom().item(previous)
                        : registerNew(tx, request, receivedOn, today, actor)
                                .call(result -> idempotency.remember(tx, idempotencyKey, hash, result))))
                .onFailure(idempotency::isSameKeyCommittedFirst)
                .recoverWithUni(() -> pool.withTransaction(tx -> idempotency.previous(tx, idempotencyKey, hash)));
    }

    private Uni<RegistrationResult> registerNew(SqlClient tx, PetitionRequest request, LocalDate receivedOn,
            LocalDate today, String actor) {
        UUID id = UUID.randomUUID();
        boolean jointVisitDay = request.channel() == Channel.VISIT && calendar.isJointVisitDay(receivedOn);
        var p = request.petitioner();
        Petitioner petitioner = new Petitioner(p.name(), p.idNumber(), p.phone(), p.address(), p.town());
        // the data key and the case number do not depend on each other: both statements go out at once (pipelined)
        return Uni.combine().all().unis(petitioners.seal(tx, id, petitioner), caseNumbers.next(tx, today.getYear()))
                .asTuple().chain(sealedAndNumber -> petitions.handle(tx, id, new RegisterPetition(id,
                        sealedAndNumber.getItem2(), request.channel(), receivedOn, request.receivedBy(),
                        sealedAndNumber.getItem1(), request.headcount() == null ? 1 : request.headcount(),
                        request.subject(), request.description(), request.involvesLawAndLitigation(),
                        request.escalatedTo(), jointVisitDay), null, EventMetadata.ofRequest(actor)))
                .call(outcome -> projection.apply(tx, outcome.recorded()))
                .map(outcome -> new RegistrationResult(id, outcome.aggregate().state().registration().caseNumber(),
                        "REGISTERED", jointVisitDay, outcome.aggregate().version()));
    }

    /** Records a repeat visit about the same matter; the petition is not counted again. */
    public Uni<Outcome<PetitionEvent, Petition>> recordRepeatVisit(UUID petitionId, VisitRequest request, String actor) {
        LocalDate receivedOn = BusinessDates.todayOrPast("receivedOn", request.receivedOn(), LocalDate.now(clock));
        return CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> petitions.handle(tx, petitionId,
                new RecordRepeatVisit(receivedOn, request.receivedBy(), request.note()), null, EventMetadata.ofRequest(actor))
                .call(outcome -> projection.apply(tx, outcome.recorded()))));
    }

    /** Records the written notice whether the matter is accepted, once; the day sent defaults to today. */
    public Uni<Outcome<PetitionEvent, Petition>> recordAcceptanceNotice(UUID petitionId, AcceptanceNoticeRequest request,
            String actor) {
        LocalDate sentOn = BusinessDates.todayOrPast("sentOn", request.sentOn(), LocalDate.now(clock));
        return CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> petitions.handle(tx, petitionId,
                new RecordAcceptanceNotice(sentOn, request.accepted(), request.note()), null, EventMetadata.ofRequest(actor))
                .call(outcome -> projection.apply(tx, outcome.recorded()))));
    }
}
