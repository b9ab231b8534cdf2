package org.lettersvisits.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Periods that end on rest days, by the State Council's arrangement of 2026 and without one (2027 on). */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @Test
    void a_period_ending_in_the_national_day_holiday_week_runs_to_the_first_working_day_after_it() {
        // 16 September + 15 days = 1 October, a holiday to 7 October; 8 October is a Thursday
        assertThat(calendar.periodEnd(LocalDate.of(2026, 9, 16), 15))
                .isEqualTo(new StatutoryDeadline(LocalDate.of(2026, 10, 8), false));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).as("a Monday of the holiday week").isFalse();
    }

    @Test
    void a_sunday_swapped_into_a_working_day_ends_a_period_on_itself() {
        // 20 September 2026 is a Sunday worked in exchange for the National Day week
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.periodEnd(LocalDate.of(2026, 9, 5), 15)).isEqualTo(new StatutoryDeadline(LocalDate.of(2026, 9, 20), false));
        // an ordinary Sunday a week earlier is a rest day: that period runs to Monday
        assertThat(calendar.periodEnd(LocalDate.of(2026, 8, 29), 15)).isEqualTo(new StatutoryDeadline(LocalDate.of(2026, 9, 14), false));
    }

    @Test
    void the_spring_festival_and_its_swapped_saturdays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday before the festival, worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Saturday after it, worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("a Monday of the festival").isFalse();
        // received 1 February: + 15 = 16 February, in the festival (15–23 February); 24 February is the next working day
        assertThat(calendar.periodEnd(LocalDate.of(2026, 2, 1), 15)).isEqualTo(new StatutoryDeadline(LocalDate.of(2026, 2, 24), false));
    }

    @Test
    void a_year_without_a_published_arrangement_skips_weekends_and_its_known_holidays_but_is_provisional() {
        // 2027: the public holidays are known, the State Council's arrangement not yet
        StatutoryDeadline newYear = calendar.periodEnd(LocalDate.of(2026, 12, 17), 15);
        assertThat(newYear.date()).as("1 January 2027 is a holiday").isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(newYear.provisional()).isTrue();
        StatutoryDeadline farOff = calendar.periodEnd(LocalDate.of(2029, 3, 1), 60);
        assertThat(farOff).isEqualTo(new StatutoryDeadline(LocalDate.of(2029, 4, 30), true));
    }

    @Test
    void a_period_ending_on_a_working_day_ends_there() {
        assertThat(calendar.periodEnd(LocalDate.of(2026, 3, 2), 15)).isEqualTo(new StatutoryDeadline(LocalDate.of(2026, 3, 17), false));
    }
}
