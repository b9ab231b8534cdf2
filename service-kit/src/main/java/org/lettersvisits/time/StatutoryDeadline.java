package org.lettersvisits.time;

import java.time.LocalDate;

/**
 * The last day of a statutory period. {@code provisional} when the period ends in a year whose holiday arrangement
 * is not known yet (no calendar file, or one not published): then only weekends were skipped, and the day may move
 * once the year's arrangement is added.
 */
public record StatutoryDeadline(LocalDate date, boolean provisional) {
}
