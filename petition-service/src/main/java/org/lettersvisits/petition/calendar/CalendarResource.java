package org.lettersvisits.petition.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.QueryParams;

/** The published calendar: joint visit days and the leaders on duty. */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class CalendarResource {

    static final int MAX_DAYS = 366;

    private final JointVisitCalendar calendar;
    private final Clock clock;

    CalendarResource(JointVisitCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One day of the calendar. */
    public record CalendarDay(LocalDate date, String weekday, boolean jointVisitDay,
            List<JointVisitCalendar.DutyLeader> dutyLeaders) {
    }

    /** The calendar between two dates, both included. */
    public record CalendarPage(LocalDate from, LocalDate to, List<LocalDate> jointVisitDays, List<CalendarDay> days) {
    }

    @GET
    @RolesAllowed({ Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER, Roles.ADMIN })
    @Operation(summary = "Joint visit days and duty leaders between two dates",
            description = "Defaults to the next seven days from today (committee time zone). At most 366 days.")
    public CalendarPage between(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Optional.ofNullable(QueryParams.date("from", from)).orElse(LocalDate.now(clock));
        LocalDate end = Optional.ofNullable(QueryParams.date("to", to)).orElse(start.plusDays(6));
        if (end.isBefore(start)) {
            throw new InvalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidField("to", "the range may span at most " + MAX_DAYS + " days");
        }
        List<CalendarDay> days = start.datesUntil(end.plusDays(1))
                .map(d -> new CalendarDay(d, d.getDayOfWeek().name(), calendar.isJointVisitDay(d), calendar.dutyLeaders(d)))
                .toList();
        return new CalendarPage(start, end,
                days.stream().filter(CalendarDay::jointVisitDay).map(CalendarDay::date).toList(), days);
    }
}
