package org.lettersvisits.assignment.assigning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.problem.InvalidField;

class DeadlinePolicyTest {

    private final DeadlinePolicy policy = new DeadlinePolicy(30, MonthDay.of(12, 15));

    @Test
    void a_routine_case_is_due_the_configured_days_after_assignment() {
        assertThat(policy.deadline(Difficulty.ROUTINE, LocalDate.of(2026, 4, 22), null)).isEqualTo(LocalDate.of(2026, 5, 22));
    }

    @Test
    void a_difficult_case_is_due_on_15_december_of_the_year_assigned() {
        assertThat(policy.deadline(Difficulty.DIFFICULT, LocalDate.of(2026, 10, 17), null)).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(policy.deadline(Difficulty.DIFFICULT, LocalDate.of(2026, 12, 15), null)).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void a_difficult_case_assigned_after_mid_december_is_due_by_mid_december_next_year() {
        assertThat(policy.deadline(Difficulty.DIFFICULT, LocalDate.of(2026, 12, 20), null)).isEqualTo(LocalDate.of(2027, 12, 15));
    }

    @Test
    void an_explicit_deadline_overrides_the_policy() {
        assertThat(policy.deadline(Difficulty.DIFFICULT, LocalDate.of(2026, 10, 17), LocalDate.of(2026, 11, 1)))
                .isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void an_explicit_deadline_before_the_assignment_is_refused() {
        assertThatThrownBy(() -> policy.deadline(Difficulty.ROUTINE, LocalDate.of(2026, 10, 17), LocalDate.of(2026, 10, 16)))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("deadline"));
    }

    @Test
    void the_mid_december_day_is_configurable() {
        DeadlinePolicy earlier = new DeadlinePolicy(10, MonthDay.of(12, 1));
        assertThat(earlier.deadline(Difficulty.DIFFICULT, LocalDate.of(2026, 3, 1), null)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(earlier.deadline(Difficulty.ROUTINE, LocalDate.of(2026, 3, 1), null)).isEqualTo(LocalDate.of(2026, 3, 11));
    }
}
