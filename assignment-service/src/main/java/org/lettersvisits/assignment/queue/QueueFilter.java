package org.lettersvisits.assignment.queue;

import java.util.List;
import java.util.Locale;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.web.SearchText;

/**
 * Which of a department's cases a queue shows, and in what order: statuses, optionally one responsible leader and a
 * search text (a case number, exactly, also without {@code XF-}; or words of the subject).
 */
public record QueueFilter(Department department, List<CaseStatus> statuses, String responsibleLeader, String text,
        QueueOrder order) {

    /** How a queue is sorted; every order ends with the case number so pages never shift. */
    public enum QueueOrder {
        /** Earliest deadline first. */
        DEADLINE("deadline, caseNumber"),
        /** Overdue cases first, most days overdue first; then the rest by deadline. */
        OVERDUE("case when " + CaseViews.OVERDUE + " then 0 else 1 end, deadline, caseNumber");

        final String hql;

        QueueOrder(String hql) {
            this.hql = hql;
        }
    }

    /** The case number a search text names: {@code XF-2026-00042}, also typed as {@code 2026-00042}. */
    String caseNumber() {
        return SearchText.caseNumber(text);
    }

    /** The text as a LIKE pattern matching it anywhere in the subject (lower case, as the query lowers the subject). */
    String subjectPattern() {
        return SearchText.containing(text.toLowerCase(Locale.ROOT));
    }

    boolean searches() {
        return text != null && !text.isBlank();
    }

    boolean byLeader() {
        return responsibleLeader != null && !responsibleLeader.isBlank();
    }
}
