package org.lettersvisits.contracts.assignment;

import java.util.Optional;
import java.util.UUID;

import org.lettersvisits.contracts.EventType;

/**
 * The petitioner of this case was erased (the petition's {@code PersonalDataErased}): from now on the case shows none
 * of the free text written by or about them (its subject, reasons, resolution), and every service scrubs its copies of
 * the case's and its return visits' texts. Status, holder, dates and counts stay as they were.
 */
@EventType("case.personal-data-erased.v1")
public record CasePersonalDataErased(UUID caseId) implements CaseEvent {

    @Override
    public Optional<CaseStatus> newStatus() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(CaseEvent.Visitor<R> visitor) {
        return visitor.casePersonalDataErased(this);
    }
}
