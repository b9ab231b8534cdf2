package org.lettersvisits.assignment.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.Difficulty;

/** What the committee and the departments ask of a case. */
public sealed interface CaseCommand {

    /** Which command this is: the key of the decider's transition table and the stable name a command's key is stored under. */
    Kind kind();

    /** Does something for each command; a new command does not compile until every visitor handles it. */
    <R> R accept(Visitor<R> visitor);

    /** The kinds of command, each with the stable name it is stored under and the verb its refusal uses. */
    enum Kind {
        ASSIGN("case.assign", "assigned"),
        ACCEPT("case.accept", "accepted"),
        CLOSE("case.close", "closed"),
        SUSPEND("case.suspend", "suspended"),
        RESUME("case.resume", "resumed"),
        TRANSFER("case.transfer", "transferred"),
        CHANGE_DEADLINE("case.change-deadline", "given a new deadline"),
        EXTEND_HANDLING("case.extend-handling", "extended"),
        REOPEN("case.reopen", "reopened"),
        REQUEST_REVIEW("case.request-review", "reviewed"),
        MARK_OVERDUE("case.mark-overdue", "marked overdue"),
        ERASE_PERSONAL_DATA("case.erase-personal-data", "erased"),
        ADD_ATTACHMENT("case.add-attachment", "given a file");

        /** The name stored with an idempotency key ({@code case.close}); never changes. */
        public final String storedName;
        /** How a refusal words it: "a CLOSED case cannot be <em>accepted</em>". */
        public final String verb;

        Kind(String storedName, String verb) {
            this.storedName = storedName;
            this.verb = verb;
        }
    }

    /** What to do with each command. */
    interface Visitor<R> {

        R assignCase(AssignCase command);

        R acceptCase(AcceptCase command);

        R closeCase(CloseCase command);

        R suspendCase(SuspendCase command);

        R resumeCase(ResumeCase command);

        R transferCase(TransferCase command);

        R changeDeadline(ChangeDeadline command);

        R extendHandling(ExtendHandling command);

        R reopenCase(ReopenCase command);

        R requestReview(RequestReview command);

        R markOverdue(MarkOverdue command);

        R erasePersonalData(ErasePersonalData command);

        R addAttachment(AddAttachment command);
    }

    /** Assign a law-and-litigation petition to a department; the deadline is already worked out. */
    record AssignCase(UUID caseId, UUID petitionId, String caseNumber, String subject, Department department,
            String responsibleLeader, Difficulty difficulty, LocalDate assignedOn, LocalDate deadline) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.ASSIGN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.assignCase(this);
        }
    }

    record AcceptCase(LocalDate acceptedOn) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.ACCEPT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.acceptCase(this);
        }
    }

    record CloseCase(String resolution, LocalDate closedOn) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.CLOSE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.closeCase(this);
        }
    }

    record SuspendCase(String reason, LocalDate suspendedOn) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.SUSPEND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.suspendCase(this);
        }
    }

    record ResumeCase(LocalDate resumedOn) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.RESUME;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resumeCase(this);
        }
    }

    record TransferCase(Department toDepartment, String reason, LocalDate transferredOn) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.TRANSFER;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.transferCase(this);
        }
    }

    record ChangeDeadline(LocalDate deadline, String reason) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.CHANGE_DEADLINE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.changeDeadline(this);
        }
    }

    /** Extend the statutory handling period of an accepted case, once, by {@code days} (the limit is checked before). */
    record ExtendHandling(int days, String reason, LocalDate extendedOn) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.EXTEND_HANDLING;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.extendHandling(this);
        }
    }

    /**
     * A dissatisfied return visit sends the case back to its department, from the closure it was made for:
     * {@code closureVersion} is the case's version after that closure, null when the visit does not name it.
     */
    record ReopenCase(String reason, LocalDate reopenedOn, Integer closureVersion) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.REOPEN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reopenCase(this);
        }
    }

    /**
     * The petitioner asks for a review of the written answer: {@code lastDayToAsk} gives, for the day of the answer,
     * the statutory period's last day; {@code reviewDue} when the review must be answered (both from the calendar).
     */
    record RequestReview(String reason, LocalDate requestedOn, java.util.function.UnaryOperator<LocalDate> lastDayToAsk,
            LocalDate reviewDue) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.REQUEST_REVIEW;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.requestReview(this);
        }
    }

    /** The overdue watcher's check: records CaseBecameOverdue once per passed deadline of an open case. */
    record MarkOverdue(LocalDate today) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.MARK_OVERDUE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.markOverdue(this);
        }
    }

    /** The petitioner was erased (petition-service's PersonalDataErased): the case keeps none of their free text. */
    record ErasePersonalData() implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.ERASE_PERSONAL_DATA;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.erasePersonalData(this);
        }
    }

    /**
     * Add a file to the case's file: the bytes were stored (sealed) under {@code attachmentId} in this command's
     * transaction, so the event and the bytes are recorded together or not at all; {@code mediaType} is what the
     * file's signature says, {@code sha256} the hex digest of the bytes as uploaded.
     */
    record AddAttachment(UUID attachmentId, String name, String mediaType, long size, String sha256,
            AttachmentKind attachmentKind, LocalDate addedOn) implements CaseCommand {

        @Override
        public Kind kind() {
            return Kind.ADD_ATTACHMENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.addAttachment(this);
        }
    }
}
