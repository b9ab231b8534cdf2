package org.lettersvisits.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which days are working days in mainland China: Monday to Friday, except the public holidays of the State Council's
 * arrangement for the year, plus the weekend days it turns into working days (调休). Each year is a file,
 * {@code META-INF/statutory/holidays-<year>.json} ({@code holidays}, {@code workingDays}, {@code published}), because
 * the arrangement changes every year and is published late in the year before.
 */
public final class WorkingDayCalendar {

    /** One year's arrangement, as its file states it. */
    record Year(int year, boolean published, Set<LocalDate> holidays, Set<LocalDate> workingDays) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, Optional<Year>> years = new ConcurrentHashMap<>();
    private final String folder;

    /** The calendar of the files under {@code META-INF/statutory}. */
    public WorkingDayCalendar() {
        this("META-INF/statutory");
    }

    WorkingDayCalendar(String folder) {
        this.folder = folder;
    }

    public boolean isWorkingDay(LocalDate day) {
        Optional<Year> year = year(day.getYear());
        if (year.isPresent() && year.get().workingDays().contains(day)) {
            return true;
        }
        if (year.isPresent() && year.get().holidays().contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Whether {@code day}'s year has a published arrangement (otherwise only weekends are known). */
    public boolean isKnown(LocalDate day) {
        return year(day.getYear()).map(Year::published).orElse(false);
    }

    /**
     * The last day of a period of {@code days} calendar days starting the day after {@code from}: when it falls on a
     * rest day (a weekend day not swapped into a working day, or a public holiday), the period runs to the next
     * working day.
     */
    public StatutoryDeadline periodEnd(LocalDate from, int days) {
        LocalDate end = from.plusDays(days);
        boolean provisional = !isKnown(end);
        while (!isWorkingDay(end)) {
            end = end.plusDays(1);
            provisional |= !isKnown(end);
        }
        return new StatutoryDeadline(end, provisional);
    }

    private Optional<Year> year(int year) {
        return years.computeIfAbsent(year, this::load);
    }

    private Optional<Year> load(int year) {
        String resource = folder + "/holidays-" + year + ".json";
        try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            var file = JSON.readTree(in);
            return Optional.of(new Year(year, file.path("published").asBoolean(false), dates(file.path("holidays")),
                    dates(file.path("workingDays"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Set<LocalDate> dates(JsonNode list) {
        Set<LocalDate> dates = new HashSet<>();
        list.forEach(day -> dates.add(LocalDate.parse(day.asText())));
        return Set.copyOf(dates);
    }
}
