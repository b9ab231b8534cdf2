package org.lettersvisits.contracts;

import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.petition.PetitionEvent;

/** Which aggregate an event of the platform belongs to. */
public final class Aggregates {

    private Aggregates() {
    }

    /** The id of the aggregate {@code event} belongs to; empty for an object that is no platform event. */
    public static Optional<UUID> idOf(Object event) {
        if (event instanceof PetitionEvent e) {
            return Optional.ofNullable(e.petitionId());
        }
        if (event instanceof CaseEvent e) {
            return Optional.ofNullable(e.caseId());
        }
        if (event instanceof ReturnVisitEvent e) {
            return Optional.ofNullable(e.visitId());
        }
        return Optional.empty();
    }
}
