package org.lettersvisits.petition.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The published reception calendar, from configuration ({@code petitions.calendar.*}):
 * the joint visit weekdays, extra joint visit dates, cancelled dates (holidays), and the leader
 * on duty per department and weekday.
 */
@ConfigMapping(prefix = "petitions.calendar")
public interface CalendarSettings {

    /** Weekdays with a joint visit day; the committee's is Wednesday. */
    @WithDefault("WEDNESDAY")
    List<DayOfWeek> jointVisitWeekdays();

    /** Joint visit days outside the usual weekdays. */
    Optional<List<LocalDate>> extraDates();

    /** Usual joint visit days that are cancelled, such as public holidays. */
    Optional<List<LocalDate>> cancelledDates();

    /** Leader on duty: department (e.g. {@code PUBLIC_SECURITY}) → weekday (e.g. {@code MONDAY}) → name. */
    Map<String, Map<String, String>> dutyRoster();
}
