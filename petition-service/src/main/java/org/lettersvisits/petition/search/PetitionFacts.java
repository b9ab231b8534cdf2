package org.lettersvisits.petition.search;

import org.lettersvisits.petition.domain.AcceptanceNoticeSent;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.PetitionRegistered;
import org.lettersvisits.petition.domain.PetitionerErased;
import org.lettersvisits.petition.domain.RepeatVisitRecorded;

/** What a timeline entry says about one of the petition's own events ({@link TimelineFacts}). */
final class PetitionFacts implements PetitionEvent.Visitor<TimelineFacts> {

    static final PetitionFacts INSTANCE = new PetitionFacts();

    private PetitionFacts() {
    }

    @Override
    public TimelineFacts petitionRegistered(PetitionRegistered e) {
        return TimelineFacts.of("channel", e.channel());
    }

    @Override
    public TimelineFacts repeatVisitRecorded(RepeatVisitRecorded e) {
        return TimelineFacts.of("receivedBy", e.receivedBy())
                .and("note", e.note());
    }

    @Override
    public TimelineFacts acceptanceNoticeSent(AcceptanceNoticeSent e) {
        return TimelineFacts.of("sentOn", e.sentOn())
                .and("accepted", e.accepted())
                .and("note", e.note());
    }

    @Override
    public TimelineFacts petitionerErased(PetitionerErased e) {
        return TimelineFacts.of("reason", e.reason());
    }
}
