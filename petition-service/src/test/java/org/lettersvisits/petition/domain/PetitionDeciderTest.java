package org.lettersvisits.petition.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.petition.domain.PetitionCommand.RecordRepeatVisit;
import org.lettersvisits.petition.domain.PetitionCommand.ErasePetitioner;
import org.lettersvisits.petition.domain.PetitionCommand.RegisterPetition;

class PetitionDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 10, 14);

    private final PetitionDecider decider = new PetitionDecider();

    private static RegisterPetition register() {
        return new RegisterPetition(ID, "XF-2026-00042", Channel.VISIT, WEDNESDAY, "Duty leader D",
                new SealedPetitioner("v1:sealed-by-the-desk"), 2,
                "wage arrears lawsuit delayed", null, true, null, true);
    }

    private static PetitionRegistered registered() {
        return (PetitionRegistered) new PetitionDecider().decide(register(), Petition.NONE).get(0);
    }

    private List<PetitionEvent> given(List<PetitionEvent> history, PetitionCommand when) {
        return decider.decide(when, decider.fold(history));
    }

    @Test
    void registering_a_new_petition_records_petition_registered_with_its_case_number() {
        List<PetitionEvent> then = given(List.of(), register());

        assertThat(then).singleElement().isInstanceOfSatisfying(PetitionRegistered.class, e -> {
            assertThat(e.petitionId()).isEqualTo(ID);
            assertThat(e.caseNumber()).isEqualTo("XF-2026-00042");
            assertThat(e.jointVisitDay()).isTrue();
            assertThat(e.headcount()).isEqualTo(2);
        });
    }

    @Test
    void registering_an_existing_petition_again_is_a_forbidden_transition() {
        assertThatThrownBy(() -> given(List.of(registered()), register()))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION));
    }

    @Test
    void a_repeat_visit_is_recorded_and_linked_to_the_petition() {
        List<PetitionEvent> then = given(List.of(registered()),
                new RecordRepeatVisit(WEDNESDAY.plusWeeks(1), "Duty leader E", "asks about progress"));

        assertThat(then).containsExactly(new RepeatVisitRecorded(ID, WEDNESDAY.plusWeeks(1), "Duty leader E", "asks about progress"));
    }

    @Test
    void a_repeat_visit_for_an_unknown_petition_is_not_found() {
        assertThatThrownBy(() -> given(List.of(), new RecordRepeatVisit(WEDNESDAY, null, null)))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void a_repeat_visit_before_the_petition_was_received_is_unprocessable() {
        assertThatThrownBy(() -> given(List.of(registered()), new RecordRepeatVisit(WEDNESDAY.minusDays(1), null, null)))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
    }

    @Test
    void the_state_lists_every_visit_the_first_registration_included() {
        Petition state = decider.fold(List.of(registered(),
                new RepeatVisitRecorded(ID, WEDNESDAY.plusWeeks(2), "Duty leader E", "second time")));

        assertThat(state.visits()).extracting(Petition.Visit::receivedOn)
                .containsExactly(WEDNESDAY, WEDNESDAY.plusWeeks(2));
        assertThat(state.registration().subject()).isEqualTo("wage arrears lawsuit delayed");
    }

    @Test
    void erasing_the_petitioner_records_petitioner_erased_and_the_petition_stays() {
        List<PetitionEvent> then = given(List.of(registered()), new ErasePetitioner("petitioner's request"));

        assertThat(then).containsExactly(new PetitionerErased(ID, "petitioner's request"));
        Petition after = decider.fold(List.of(registered(), then.get(0)));
        assertThat(after.petitionerErased()).isTrue();
        assertThat(after.registration().caseNumber()).isEqualTo("XF-2026-00042");
    }

    @Test
    void a_petitioner_is_erased_once_and_only_from_an_existing_petition() {
        assertThatThrownBy(() -> given(List.of(registered(), new PetitionerErased(ID, "first")), new ErasePetitioner("again")))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION));
        assertThatThrownBy(() -> given(List.of(), new ErasePetitioner("nobody")))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }
}
