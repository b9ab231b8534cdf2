package org.lettersvisits.assignment.app;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.lettersvisits.assignment.app.PetitionPart.TimelineEntry;

/**
 * A return visit as the case file shows it, read from the petition's timeline, where followup-service's events about
 * it arrive as lines: scheduled after a closure ({@code dueBy}), overdue once not done by then, completed (who visited,
 * how satisfied the petitioner was, whether they withdraw, whether the case goes back to its department, the notes).
 * One visit follows each closure, so a completion belongs to the latest visit not yet completed. {@code visitedOn} is
 * the day of the visit when the timeline states it, else null; {@code recordedAt} when the completion was recorded.
 */
public record ReturnVisitOnFile(LocalDate dueBy, boolean overdue, LocalDate visitedOn, String visitor,
        String satisfaction, Boolean petitionerWithdraws, Boolean reopen, String notes, OffsetDateTime recordedAt) {

    private static final String SCHEDULED = "return-visit.scheduled.";
    private static final String OVERDUE = "return-visit.became-overdue.";
    private static final String COMPLETED = "return-visit.completed.";

    private static final ReturnVisitOnFile UNSCHEDULED = new ReturnVisitOnFile(null, false, null, null, null, null, null,
            null, null);

    /** The visits of a timeline (in its order), oldest first. */
    public static List<ReturnVisitOnFile> of(List<TimelineEntry> timeline) {
        List<ReturnVisitOnFile> visits = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            String type = entry.type() == null ? "" : entry.type();
            if (type.startsWith(SCHEDULED)) {
                visits.add(new ReturnVisitOnFile(date(entry.text("dueBy")), false, null, null, null, null, null, null, null));
            } else if (type.startsWith(OVERDUE)) {
                int open = latestOpen(visits);
                ReturnVisitOnFile v = open < 0 ? UNSCHEDULED : visits.get(open);
                put(visits, open, new ReturnVisitOnFile(v.dueBy, true, null, null, null, null, null, null, null));
            } else if (type.startsWith(COMPLETED)) {
                int open = latestOpen(visits);
                ReturnVisitOnFile v = open < 0 ? UNSCHEDULED : visits.get(open);
                put(visits, open, new ReturnVisitOnFile(v.dueBy, v.overdue, date(entry.text("visitedOn")),
                        entry.text("visitor"), entry.text("satisfaction"), entry.flag("petitionerWithdraws"),
                        entry.flag("reopen"), entry.text("notes"), entry.at()));
            }
        }
        return List.copyOf(visits);
    }

    private boolean completed() {
        return recordedAt != null || visitor != null || satisfaction != null;
    }

    private static int latestOpen(List<ReturnVisitOnFile> visits) {
        for (int at = visits.size() - 1; at >= 0; at--) {
            if (!visits.get(at).completed()) {
                return at;
            }
        }
        return -1;
    }

    /** Replaces the visit at {@code at}, or adds one when the timeline never said it was scheduled ({@code at} -1). */
    private static void put(List<ReturnVisitOnFile> visits, int at, ReturnVisitOnFile visit) {
        if (at < 0) {
            visits.add(visit);
        } else {
            visits.set(at, visit);
        }
    }

    /** A date fact; a line that holds something else shows no date rather than failing the file. */
    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
