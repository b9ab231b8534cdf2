package org.lettersvisits.petition.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.EventCodec;
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

    /** The public event {@code event} is published as; an erasure is not published (no other service holds personal data). */
    public static Optional<?> of(PetitionEvent event) {
        if (event instanceof PetitionRegistered p) {
            return Optional.of(new org.lettersvisits.contracts.petition.PetitionRegistered(p.petitionId(), p.caseNumber(),
                    p.channel(), p.receivedOn(), p.headcount(), p.subject(), p.involvesLawAndLitigation(), p.escalatedTo(),
                    p.jointVisitDay()));
        }
        if (event instanceof PetitionerErased || event instanceof AcceptanceNoticeSent) {
            return Optional.empty();
        }
        RepeatVisitRecorded visit = (RepeatVisitRecorded) event;
        return Optional.of(new org.lettersvisits.contracts.petition.RepeatVisitRecorded(visit.petitionId(),
                visit.receivedOn()));
    }
}
