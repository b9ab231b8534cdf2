package org.lettersvisits.petition.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.Department;

/** Answers whether a date is a joint visit day and who is on duty, from {@link CalendarSettings}. */
@ApplicationScoped
public class JointVisitCalendar {

    private final Set<DayOfWeek> weekdays;
    private final Set<LocalDate> extra;
    private final Set<LocalDate> cancelled;
    private final Map<Department, Map<DayOfWeek, String>> roster = new EnumMap<>(Department.class);

    public JointVisitCalendar(CalendarSettings settings) {
        this.weekdays = Set.copyOf(settings.jointVisitWeekdays());
        this.extra = Set.copyOf(settings.extraDates().orElse(List.of()));
        this.cancelled = Set.copyOf(settings.cancelledDates().orElse(List.of()));
        settings.dutyRoster().forEach((department, byDay) -> {
            Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
            byDay.forEach((day, leader) -> days.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), leader));
            roster.put(Department.valueOf(department.toUpperCase(Locale.ROOT).replace('-', '_')), days);
        });
    }

    public boolean isJointVisitDay(LocalDate date) {
        if (cancelled.contains(date)) {
            return false;
        }
        return extra.contains(date) || weekdays.contains(date.getDayOfWeek());
    }

    /** The leaders on duty that day, one per department that has one, in department order. */
    public List<DutyLeader> dutyLeaders(LocalDate date) {
        List<DutyLeader> leaders = new ArrayList<>();
        for (Department department : Department.values()) {
            String leader = roster.getOrDefault(department, Map.of()).get(date.getDayOfWeek());
            if (leader != null) {
                leaders.add(new DutyLeader(department, leader));
            }
        }
        return leaders;
    }

    /** The leader a department has on duty to receive visitors. */
    public record DutyLeader(Department department, String leader) {
    }
}
