package org.lettersvisits.petition.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.Escalation;

/** What reception asks of a petition. */
public sealed interface PetitionCommand {

    /** Hands this command to the one method of {@code visitor} that takes its kind. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each kind of command: deciding it. */
    interface Visitor<R> {

        R registerPetition(RegisterPetition c);

        R recordRepeatVisit(RecordRepeatVisit c);

        R erasePetitioner(ErasePetitioner c);

        R recordAcceptanceNotice(RecordAcceptanceNotice c);
    }

    /**
     * Register a new petition. The case number and whether the day was a joint visit day are
     * worked out before the command is decided (they need the database and the calendar).
     */
    record RegisterPetition(UUID petitionId, String caseNumber, Channel channel, LocalDate receivedOn, String receivedBy,
            SealedPetitioner petitioner, int headcount, String subject, String description,
            boolean involvesLawAndLitigation, Escalation escalatedTo, boolean jointVisitDay)
            implements PetitionCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.registerPetition(this);
        }
    }

    /** Record that the petitioner came again about the same matter. */
    record RecordRepeatVisit(LocalDate receivedOn, String receivedBy, String note) implements PetitionCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recordRepeatVisit(this);
        }
    }

    /** Erase the petitioner's personal data (their data key is deleted in the same transaction). */
    record ErasePetitioner(String reason) implements PetitionCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.erasePetitioner(this);
        }
    }

    /** Record the written notice telling the petitioner whether the matter is accepted; once. */
    record RecordAcceptanceNotice(LocalDate sentOn, boolean accepted, String note) implements PetitionCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recordAcceptanceNotice(this);
        }
    }
}
