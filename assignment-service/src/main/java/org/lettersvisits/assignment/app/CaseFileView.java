package org.lettersvisits.assignment.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.StoredEvent;
import org.lettersvisits.time.StatutoryLimits;

/**
 * {@code GET /api/cases/{id}/file}: the whole case file for everyone who works the case, so none of them pieces it
 * together from two pages. The case's part comes from this service's own case (the department, the responsible leader,
 * the deadlines that bind today, the answer); the petition's part (the petitioner, masked; how and when it came; the
 * description; the repeat visits; the timeline and the return visits read from it) from petition-service, which
 * alone holds the petitioner and logs every reading. When petition-service cannot answer, the petition's part is null
 * and {@code petitionUnavailable} true: the case's part still serves whoever must act on it.
 *
 * <p>{@code answer}: the closure's resolution and day while closed, the suspension's reason and day while suspended,
 * else null. Once the petitioner was erased ({@code petitionerErased}), nothing written by or about them is shown:
 * no petitioner, subject, description, answer or notes.
 */
public record CaseFileView(UUID caseId, String caseNumber, UUID petitionId, CaseStatus status,
        PetitionPart.Petitioner petitioner, boolean petitionerErased, String channel, LocalDate receivedOn,
        Integer headcount, String subject, String description, List<PetitionPart.Visit> repeatVisits,
        Department department, String responsibleLeader, Difficulty difficulty, LocalDate assignedOn,
        List<CaseDeadlines.Deadline> deadlines, int handlingExtendedBy, Answer answer,
        List<PetitionPart.TimelineEntry> timeline, List<ReturnVisitOnFile> returnVisits, int version,
        boolean petitionUnavailable) {

    /** What the department answered: the resolution (or the reason it suspended the case), and on which day. */
    public record Answer(String resolution, LocalDate answeredOn) {
    }

    /** The file of {@code aggregate}'s case; {@code petition} null when petition-service could not be asked. */
    public static CaseFileView of(Aggregate<CaseEvent, CaseFile> aggregate, PetitionPart petition, LocalDate today,
            StatutoryLimits limits) {
        CaseFile c = aggregate.state();
        boolean erased = c.personalDataErased() || (petition != null && petition.petitionerErased());
        PetitionPart p = petition == null || !erased ? petition : petition.withoutPersonalText();
        List<PetitionPart.TimelineEntry> timeline = p == null ? null : p.timelineInOrder();
        return new CaseFileView(c.caseId(), c.caseNumber(), c.petitionId(), c.status(),
                p == null ? null : p.petitioner(), erased, p == null ? null : p.channel(),
                p == null ? null : p.receivedOn(), p == null ? null : p.headcount(), erased ? null : c.subject(),
                p == null ? null : p.description(), p == null ? null : p.repeatVisits(), c.department(),
                c.responsibleLeader(), c.difficulty(), c.assignedOn(), CaseDeadlines.of(c, today, limits),
                c.statutory().extensionDays(), answer(aggregate, erased), timeline,
                timeline == null ? null : ReturnVisitOnFile.of(timeline), aggregate.version(), petition == null);
    }

    /** The last closure while closed, the last suspension while suspended; the text left out once erased. */
    private static Answer answer(Aggregate<CaseEvent, CaseFile> aggregate, boolean erased) {
        CaseStatus status = aggregate.state().status();
        List<StoredEvent<CaseEvent>> history = aggregate.history();
        for (int at = history.size() - 1; at >= 0; at--) {
            CaseEvent event = history.get(at).event();
            if (status == CaseStatus.CLOSED && event instanceof CaseClosed closed) {
                return new Answer(erased ? null : closed.resolution(), closed.closedOn());
            }
            if (status == CaseStatus.SUSPENDED && event instanceof CaseSuspended suspended) {
                return new Answer(erased ? null : suspended.reason(), suspended.suspendedOn());
            }
        }
        return null;
    }
}
