package org.lettersvisits.assignment.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lettersvisits.assignment.domain.CaseDecider;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.documents.CaseNotices;
import org.lettersvisits.documents.NoticeKind;
import org.lettersvisits.documents.ReportDocument;
import org.lettersvisits.eventstore.StoredEvent;

/**
 * The documents a case has issued, read from its history: one for each event that issues one (an assignment or a
 * transfer its 交办单, an acceptance its 受理告知书, an extension its 延期告知书, a closure its 处理意见书), named by the kind
 * and the event's version ({@code written-answer-7}) and dated by the event's business day. Nothing is stored: the
 * same history gives the same list and the same documents. Events that issue no document are passed over here (a
 * new event issues none until it is added below and to docs/case-lifecycle.md). Pure.
 */
public final class IssuedDocuments {

    /**
     * One document: its kind, the version of the event that issued it, its day, and its {@code wording} from the
     * event's facts and the case as that event left it.
     */
    public record Issued(NoticeKind kind, int version, LocalDate issuedOn, Wording wording) {

        public String id() {
            return kind.idPrefix() + "-" + version;
        }

        /**
         * The document itself, worded by {@code notices}; {@code petitionerName} for the kinds
         * {@linkplain NoticeKind#addressedToPetitioner() addressed to the petitioner} (null for the others).
         */
        public ReportDocument document(CaseNotices notices, String petitionerName) {
            return wording.of(notices, petitionerName);
        }
    }

    /** How one issued document is worded. */
    @FunctionalInterface
    public interface Wording {
        ReportDocument of(CaseNotices notices, String petitionerName);
    }

    private IssuedDocuments() {
    }

    /** Every document the case issued, in the order it issued them. */
    public static List<Issued> of(List<StoredEvent<CaseEvent>> history) {
        CaseDecider decider = new CaseDecider();
        CaseFile state = decider.initialState();
        List<Issued> issued = new ArrayList<>();
        for (StoredEvent<CaseEvent> stored : history) {
            state = decider.evolve(state, stored.event());
            issuedBy(stored.event(), stored.version(), state).ifPresent(issued::add);
        }
        return List.copyOf(issued);
    }

    /** The document named {@code id}, if the case issued it. */
    public static Optional<Issued> find(List<StoredEvent<CaseEvent>> history, String id) {
        return of(history).stream().filter(document -> document.id().equals(id)).findFirst();
    }

    private static Optional<Issued> issuedBy(CaseEvent event, int version, CaseFile c) {
        if (event instanceof CaseAssigned e) {
            return Optional.of(new Issued(NoticeKind.ASSIGNMENT_SHEET, version, e.assignedOn(), (notices, name) ->
                    notices.assignmentSheet(new CaseNotices.AssignmentSheet(e.caseNumber(), c.subject(), e.department(),
                            e.responsibleLeader(), e.difficulty(), e.assignedOn(), e.deadline(), null, e.assignedOn()))));
        }
        if (event instanceof CaseTransferred e) {
            return Optional.of(new Issued(NoticeKind.ASSIGNMENT_SHEET, version, e.transferredOn(), (notices, name) ->
                    notices.assignmentSheet(new CaseNotices.AssignmentSheet(c.caseNumber(), c.subject(), e.toDepartment(),
                            c.responsibleLeader(), c.difficulty(), c.assignedOn(), c.deadline(), e.fromDepartment(),
                            e.transferredOn()))));
        }
        if (event instanceof CaseAccepted e) {
            return Optional.of(new Issued(NoticeKind.ACCEPTANCE_NOTICE, version, e.acceptedOn(), (notices, name) ->
                    notices.acceptanceNotice(new CaseNotices.AcceptanceNotice(c.caseNumber(), c.subject(), name,
                            e.department(), c.assignedOn(), e.acceptedOn(), c.statutory().extensionDays()))));
        }
        if (event instanceof HandlingExtended e) {
            return Optional.of(new Issued(NoticeKind.EXTENSION_NOTICE, version, e.extendedOn(), (notices, name) ->
                    notices.extensionNotice(new CaseNotices.ExtensionNotice(c.caseNumber(), c.subject(), name,
                            c.department(), c.assignedOn(), c.statutory().acceptedOn(), e.days(), e.reason(),
                            e.extendedOn()))));
        }
        if (event instanceof CaseClosed e) {
            // a review asked for before this closure: the answer is the review's
            boolean answersReview = c.statutory().reviewDue() != null;
            return Optional.of(new Issued(NoticeKind.WRITTEN_ANSWER, version, e.closedOn(), (notices, name) ->
                    notices.writtenAnswer(new CaseNotices.WrittenAnswer(e.caseNumber(), c.subject(), name,
                            e.department(), e.resolution(), e.closedOn(), answersReview))));
        }
        return Optional.empty();
    }
}
