package org.lettersvisits.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.Difficulty;

/** The one rule for what each case event does to a case's status and holder, and that it stays off the wire. */
class CaseStatusRulesTest {

    private static final UUID ID = UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);

    @Test
    void every_case_event_states_the_status_and_holder_it_leaves() {
        assertThat(new CaseAssigned(ID, ID, "XF", "s", Department.COURT, "L", Difficulty.ROUTINE, DAY, DAY).newStatus())
                .contains(CaseStatus.ASSIGNED);
        assertThat(new CaseAccepted(ID, Department.COURT, DAY).newStatus()).contains(CaseStatus.ACCEPTED);
        assertThat(new CaseResumed(ID, DAY).newStatus()).contains(CaseStatus.ACCEPTED);
        assertThat(new CaseReopened(ID, Department.COURT, "r", DAY).newStatus()).contains(CaseStatus.ACCEPTED);
        assertThat(new CaseClosed(ID, "XF", Department.COURT, "r", DAY).newStatus()).contains(CaseStatus.CLOSED);
        assertThat(new CaseSuspended(ID, Department.COURT, "r", DAY).newStatus()).contains(CaseStatus.SUSPENDED);
        CaseEvent transferred = new CaseTransferred(ID, Department.COURT, Department.PROCURATORATE, "r", DAY);
        assertThat(transferred.newStatus()).contains(CaseStatus.ASSIGNED);
        assertThat(transferred.newHolder()).contains(Department.PROCURATORATE);
        assertThat(new DeadlineChanged(ID, DAY, DAY.plusDays(9), "r").newStatus()).isEqualTo(Optional.empty());
        assertThat(new CaseBecameOverdue(ID, Department.COURT, DAY, DAY).newStatus()).isEqualTo(Optional.empty());
        assertThat(new CaseAccepted(ID, Department.COURT, DAY).newHolder()).isEmpty();
    }

    @Test
    void the_rules_are_not_part_of_the_payload() {
        String json = PlatformEvents.codec()
                .encode(new CaseTransferred(ID, Department.COURT, Department.PROCURATORATE, "r", DAY)).json();
        assertThat(json).doesNotContain("newStatus").doesNotContain("newHolder").contains("\"toDepartment\":\"PROCURATORATE\"");
    }

    @Test
    void topics_name_their_owner_and_dead_letters() {
        assertThat(Topics.ownerOf(Topics.FOLLOWUP_EVENTS)).contains("followup-service");
        assertThat(Topics.ownerOf("followup-service.dead-letters")).isEmpty();
        assertThat(Topics.deadLettersOf("reporting-service")).isEqualTo("reporting-service.dead-letters.v3");
    }
}
