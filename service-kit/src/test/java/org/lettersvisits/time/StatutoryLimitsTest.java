package org.lettersvisits.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Which petitions' written notice is late on a day: the weekend at the end of a period moves it, and so the list. */
class StatutoryLimitsTest {

    @Test
    void a_notice_due_on_a_weekend_is_late_only_after_the_monday() {
        StatutoryLimits limits = StatutoryLimits.ofTheRegulations();
        // received 2 and 3 October 2026: 15 days end on Saturday 17 and Sunday 18, so Monday the 19th; 1 October's on Friday 16
        assertThat(limits.acceptanceNoticeDue(LocalDate.of(2026, 10, 3)).date()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(limits.lastReceiptWithNoticeLateOn(LocalDate.of(2026, 10, 19))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(limits.lastReceiptWithNoticeLateOn(LocalDate.of(2026, 10, 20))).isEqualTo(LocalDate.of(2026, 10, 4));
    }
}
