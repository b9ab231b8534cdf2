package org.lettersvisits.petition.search;

import java.util.Map;

import org.lettersvisits.petition.domain.AcceptanceNoticeSent;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.PetitionRegistered;
import org.lettersvisits.petition.domain.PetitionerErased;
import org.lettersvisits.petition.domain.RepeatVisitRecorded;

/** What a timeline entry says about one of the petition's own events ({@link TimelineFacts}). */
final class PetitionFacts implements PetitionEvent.Visitor<Map<String, Object>> {

    static final PetitionFacts INSTANCE = new PetitionFacts();

    private PetitionFacts() {
    }

    @Override
    public Map<String, Object> petitionRegistered(PetitionRegistered e) {
        return TimelineFacts.of("channel", e.channel());
    }

    @Override
    public Map<String, Object> repeatVisitRecorded(RepeatVisitRecorded e) {
        return TimelineFacts.of("receivedBy", e.receivedBy(), "note", e.note());
    }

    @Override
    public Map<String, Object> acceptanceNoticeSent(AcceptanceNoticeSent e) {
        return TimelineFacts.of("sentOn", e.sentOn(), "accepted", e.accepted(), "note", e.note());
    }

    @Override
    public Map<String, Object> petitionerErased(PetitionerErased e) {
        return TimelineFacts.of("reason", e.reason());
    }
}
