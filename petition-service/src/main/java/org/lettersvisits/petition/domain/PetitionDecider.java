package org.lettersvisits.petition.domain;

import java.util.List;

import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.eventstore.Decider;
import org.lettersvisits.petition.domain.PetitionCommand.ErasePetitioner;
import org.lettersvisits.petition.domain.PetitionCommand.RecordAcceptanceNotice;
import org.lettersvisits.petition.domain.PetitionCommand.RecordRepeatVisit;
import org.lettersvisits.petition.domain.PetitionCommand.RegisterPetition;

/** The Petition aggregate: registration once, then any number of repeat visits. Pure. */
public final class PetitionDecider implements Decider<PetitionCommand, PetitionEvent, Petition> {

    @Override
    public Petition initialState() {
        return Petition.NONE;
    }

    @Override
    public List<PetitionEvent> decide(PetitionCommand command, Petition state) {
        return command.accept(new PetitionCommand.Visitor<>() {
            @Override
            public List<PetitionEvent> registerPetition(RegisterPetition c) {
                return register(c, state);
            }

            @Override
            public List<PetitionEvent> recordRepeatVisit(RecordRepeatVisit c) {
                return PetitionDecider.this.recordRepeatVisit(c, state);
            }

            @Override
            public List<PetitionEvent> erasePetitioner(ErasePetitioner c) {
                return erase(c, state);
            }

            @Override
            public List<PetitionEvent> recordAcceptanceNotice(RecordAcceptanceNotice c) {
                return PetitionDecider.this.recordAcceptanceNotice(c, state);
            }
        });
    }

    private List<PetitionEvent> register(RegisterPetition c, Petition state) {
        if (state.exists()) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "petition " + c.petitionId() + " is already registered");
        }
        return List.of(new PetitionRegistered(c.petitionId(), c.caseNumber(), c.channel(), c.receivedOn(), c.receivedBy(),
                c.petitioner(), c.headcount(), c.subject(), c.description(), c.involvesLawAndLitigation(),
                c.escalatedTo(), c.jointVisitDay()));
    }

    private List<PetitionEvent> recordRepeatVisit(RecordRepeatVisit c, Petition state) {
        if (!state.exists()) {
            throw new CommandRejected(Reason.NOT_FOUND, "no such petition");
        }
        if (c.receivedOn().isBefore(state.registration().receivedOn())) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "a repeat visit cannot be received before the petition ("
                    + state.registration().receivedOn() + ")");
        }
        return List.of(new RepeatVisitRecorded(state.id(), c.receivedOn(), c.receivedBy(), c.note()));
    }

    private List<PetitionEvent> recordAcceptanceNotice(RecordAcceptanceNotice c, Petition state) {
        if (!state.exists()) {
            throw new CommandRejected(Reason.NOT_FOUND, "no such petition");
        }
        if (state.acceptanceNotice() != null) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the acceptance notice of " + state.id()
                    + " was recorded already (sent on " + state.acceptanceNotice().sentOn() + ")");
        }
        if (c.sentOn().isBefore(state.registration().receivedOn())) {
            throw new CommandRejected(Reason.UNPROCESSABLE, "a notice cannot be sent before the petition was received ("
                    + state.registration().receivedOn() + ")");
        }
        return List.of(new AcceptanceNoticeSent(state.id(), c.sentOn(), c.accepted(), c.note()));
    }

    private List<PetitionEvent> erase(ErasePetitioner c, Petition state) {
        if (!state.exists()) {
            throw new CommandRejected(Reason.NOT_FOUND, "no such petition");
        }
        if (state.petitionerErased()) {
            throw new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the petitioner of " + state.id() + " is already erased");
        }
        return List.of(new PetitionerErased(state.id(), c.reason()));
    }

    @Override
    public Petition evolve(Petition state, PetitionEvent event) {
        return event.accept(new PetitionEvent.Visitor<>() {
            @Override
            public Petition petitionRegistered(PetitionRegistered e) {
                return new Petition(e, List.of(new Petition.Visit(e.receivedOn(), e.receivedBy(), null)), false, null);
            }

            @Override
            public Petition repeatVisitRecorded(RepeatVisitRecorded e) {
                return state.withVisit(new Petition.Visit(e.receivedOn(), e.receivedBy(), e.note()));
            }

            @Override
            public Petition petitionerErased(PetitionerErased e) {
                return state.withPetitionerErased();
            }

            @Override
            public Petition acceptanceNoticeSent(AcceptanceNoticeSent e) {
                return state.withAcceptanceNotice(e);
            }
        });
    }
}
