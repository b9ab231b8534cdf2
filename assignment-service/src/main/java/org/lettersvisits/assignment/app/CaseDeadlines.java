package org.lettersvisits.assignment.app;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

/**
 * The deadlines a case is held to today, as its file lists them. Only those that still bind are listed, so the file
 * never counts down to a day nobody has to keep:
 * <ul>
 * <li>while the case is open (assigned or accepted): the leadership's deadline ({@link Kind#LEADERSHIP}), and the
 * Regulations' handling period with its extension ({@link Kind#STATUTORY_HANDLING}) or, once the petitioner asked for
 * a review, the review's ({@link Kind#REVIEW}) instead, as {@link StatutoryLimits#caseDue} says;</li>
 * <li>once answered (closed) and while no review was asked for: the last day the petitioner may ask for one
 * ({@link Kind#REVIEW_REQUEST}); a case is reviewed once, so after its second answer nothing runs;</li>
 * <li>while suspended: none, as the queues count no days for a suspended case.</li>
 * </ul>
 * {@code daysLeft} counts from today: 0 on the day itself, negative once the day has passed.
 */
public final class CaseDeadlines {

    /** Which deadline: the committee's, or one of the Regulations' periods. */
    public enum Kind {
        LEADERSHIP, STATUTORY_HANDLING, REVIEW_REQUEST, REVIEW
    }

    /** One deadline: its day, the days left until it (negative when past), provisional as {@link StatutoryDeadline}. */
    public record Deadline(Kind kind, LocalDate due, long daysLeft, boolean provisional) {
    }

    private CaseDeadlines() {
    }

    public static List<Deadline> of(CaseFile c, LocalDate today, StatutoryLimits limits) {
        CaseFile.StatutoryDays days = c.statutory();
        List<Deadline> deadlines = new ArrayList<>();
        if (c.status().isOpen()) {
            deadlines.add(deadline(Kind.LEADERSHIP, c.deadline(), false, today));
            if (days.reviewDue() != null) {
                deadlines.add(deadline(Kind.REVIEW, days.reviewDue(), false, today));
            } else {
                StatutoryDeadline handling = limits.handlingDue(c.assignedOn(), days.acceptedOn(), days.extensionDays());
                deadlines.add(deadline(Kind.STATUTORY_HANDLING, handling.date(), handling.provisional(), today));
            }
        } else if (c.status().countsAsClosed() && days.answeredOn() != null && days.reviewDue() == null) {
            StatutoryDeadline request = limits.reviewRequestDue(days.answeredOn());
            deadlines.add(deadline(Kind.REVIEW_REQUEST, request.date(), request.provisional(), today));
        }
        return List.copyOf(deadlines);
    }

    private static Deadline deadline(Kind kind, LocalDate due, boolean provisional, LocalDate today) {
        return new Deadline(kind, due, ChronoUnit.DAYS.between(today, due), provisional);
    }
}
