package org.lettersvisits.petition.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.messaging.EventCodecs;

/**
 * The boundary between the Petition aggregate's own events and what leaves the service: each internal
 * event is published as its public contract (event-contracts), which carries no personal data. The
 * service's codec reads the internal type names (stored in its event table) as the internal classes.
 */
@ApplicationScoped
public class PublicEvents implements EventCodecs.Internal {

    @Override
    public void addTo(EventCodec codec) {
        codec.withEventClass(PetitionRegistered.class).withEventClass(RepeatVisitRecorded.class)
                .withEventClass(PetitionerErased.class).withEventClass(AcceptanceNoticeSent.class);
    }

    /** The public event {@code event} is published as, if any; an erasure as {@link PersonalDataErased}, without its reason. */
    public static Optional<?> of(PetitionEvent event) {
        return event.accept(PUBLISHED_AS);
    }

    private static final PetitionEvent.Visitor<Optional<?>> PUBLISHED_AS = new PetitionEvent.Visitor<>() {
        @Override
        public Optional<?> petitionRegistered(PetitionRegistered p) {
            return Optional.of(new org.lettersvisits.contracts.petition.PetitionRegistered(p.petitionId(), p.caseNumber(),
                    p.channel(), p.receivedOn(), p.headcount(), p.subject(), p.involvesLawAndLitigation(), p.escalatedTo(),
                    p.jointVisitDay()));
        }

        @Override
        public Optional<?> repeatVisitRecorded(RepeatVisitRecorded visit) {
            return Optional.of(new org.lettersvisits.contracts.petition.RepeatVisitRecorded(visit.petitionId(),
                    visit.receivedOn()));
        }

        @Override
        public Optional<?> petitionerErased(PetitionerErased erased) {
            // every service scrubs its copies of the person's free text; the ground stays here
            return Optional.of(new PersonalDataErased(erased.petitionId()));
        }

        @Override
        public Optional<?> acceptanceNoticeSent(AcceptanceNoticeSent notice) {
            return Optional.empty(); // internal: the other services do not need it
        }
    };
}
