package org.lettersvisits.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lettersvisits.assignment.domain.CaseCommand.AcceptCase;
import org.lettersvisits.assignment.domain.CaseCommand.AddAttachment;
import org.lettersvisits.assignment.domain.CaseCommand.AssignCase;
import org.lettersvisits.assignment.domain.CaseCommand.ChangeDeadline;
import org.lettersvisits.assignment.domain.CaseCommand.CloseCase;
import org.lettersvisits.assignment.domain.CaseCommand.ErasePersonalData;
import org.lettersvisits.assignment.domain.CaseCommand.ExtendHandling;
import org.lettersvisits.assignment.domain.CaseCommand.Kind;
import org.lettersvisits.assignment.domain.CaseCommand.MarkOverdue;
import org.lettersvisits.assignment.domain.CaseCommand.ReopenCase;
import org.lettersvisits.assignment.domain.CaseCommand.RequestReview;
import org.lettersvisits.assignment.domain.CaseCommand.ResumeCase;
import org.lettersvisits.assignment.domain.CaseCommand.SuspendCase;
import org.lettersvisits.assignment.domain.CaseCommand.TransferCase;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.AttachmentAdded;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;

class CaseDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final LocalDate ASSIGNED_ON = LocalDate.of(2026, 10, 17);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 15);
    private static final LocalDate LATER = ASSIGNED_ON.plusDays(20);

    private final CaseDecider decider = new CaseDecider();

    private static final CaseAssigned ASSIGNED = new CaseAssigned(ID, ID, "XF-2026-00042", "wage arrears",
            Department.PUBLIC_SECURITY, "Deputy Director Zhang", Difficulty.DIFFICULT, ASSIGNED_ON, DEADLINE);
    private static final CaseAccepted ACCEPTED = new CaseAccepted(ID, Department.PUBLIC_SECURITY, ASSIGNED_ON);

    private static List<CaseEvent> historyTo(CaseStatus status) {
        return switch (status) {
            case ASSIGNED -> List.of(ASSIGNED);
            case ACCEPTED -> List.of(ASSIGNED, ACCEPTED);
            case CLOSED -> List.of(ASSIGNED, ACCEPTED, new CaseClosed(ID, "XF-2026-00042", Department.PUBLIC_SECURITY, "solved", LATER));
            case SUSPENDED -> List.of(ASSIGNED, ACCEPTED, new CaseSuspended(ID, Department.PUBLIC_SECURITY, "withdrawn", LATER));
        };
    }

    /** Each command of the transition table and the event it records when allowed. */
    private static final Map<CaseCommand, Class<? extends CaseEvent>> COMMANDS = Map.ofEntries(
            Map.entry(new AcceptCase(LATER), CaseAccepted.class),
            Map.entry(new CloseCase("resolved according to law", LATER), CaseClosed.class),
            Map.entry(new SuspendCase("petitioner withdrew the lawsuit", LATER), CaseSuspended.class),
            Map.entry(new ResumeCase(LATER), CaseResumed.class),
            Map.entry(new TransferCase(Department.COURT, "the dispute is before the court", LATER), CaseTransferred.class),
            Map.entry(new ChangeDeadline(DEADLINE.plusDays(30), "expert opinion pending"), DeadlineChanged.class),
            Map.entry(new ReopenCase("dissatisfied at the return visit", LATER, null), CaseReopened.class),
            Map.entry(new ExtendHandling(30, "expert appraisal pending", LATER), HandlingExtended.class),
            Map.entry(new RequestReview("disputes the answer", LATER, answered -> answered.plusDays(30), LATER.plusDays(30)),
                    CaseReviewRequested.class),
            Map.entry(new ErasePersonalData(), CasePersonalDataErased.class),
            Map.entry(new AddAttachment(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "来信.pdf", "application/pdf", 1024,
                    "ab".repeat(32), AttachmentKind.LETTER, LATER), AttachmentAdded.class));

    /**
     * The lifecycle as docs/case-lifecycle.md states it, written out here by hand (not read from the decider's table):
     * the statuses from which each command is allowed.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("AcceptCase", "ASSIGNED"),
            Map.entry("CloseCase", "ASSIGNED ACCEPTED"),
            Map.entry("SuspendCase", "ASSIGNED ACCEPTED"),
            Map.entry("ResumeCase", "SUSPENDED"),
            Map.entry("TransferCase", "ASSIGNED ACCEPTED SUSPENDED"),
            Map.entry("ChangeDeadline", "ASSIGNED ACCEPTED SUSPENDED"),
            Map.entry("ReopenCase", "CLOSED"),
            Map.entry("ExtendHandling", "ACCEPTED"),
            Map.entry("RequestReview", "CLOSED"),
            Map.entry("ErasePersonalData", "ASSIGNED ACCEPTED CLOSED SUSPENDED"),
            Map.entry("AddAttachment", "ASSIGNED ACCEPTED CLOSED SUSPENDED"));

    static Stream<Arguments> everyStatusWithEveryCommand() {
        List<Arguments> all = new ArrayList<>();
        for (CaseStatus status : CaseStatus.values()) {
            COMMANDS.forEach((command, event) -> all.add(Arguments.of(status, command.getClass().getSimpleName(), command, event)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} on a {0} case")
    @MethodSource("everyStatusWithEveryCommand")
    void a_command_is_decided_exactly_as_the_lifecycle_says(CaseStatus status, String name, CaseCommand command,
            Class<? extends CaseEvent> expected) {
        List<CaseEvent> history = historyTo(status);
        if (List.of(ALLOWED.get(name).split(" ")).contains(status.name())) {
            assertThat(decider.decide(command, decider.fold(history))).singleElement().isInstanceOf(expected);
        } else {
            assertThatThrownBy(() -> decider.decide(command, decider.fold(history)))
                    .isInstanceOfSatisfying(CommandRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION))
                    .hasMessage("a " + status + " case cannot be " + command.kind().verb);
        }
    }

    @Test
    void every_kind_of_command_on_an_existing_case_is_in_the_lifecycle_table() {
        assertThat(COMMANDS.keySet().stream().map(CaseCommand::kind).collect(Collectors.toSet()))
                .as("every command a department or the committee gives an existing case is tried from every status")
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Kind.ASSIGN, Kind.MARK_OVERDUE)));
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(
                COMMANDS.keySet().stream().map(c -> c.getClass().getSimpleName()).toList());
    }

    @Test
    void every_event_a_case_can_record_folds_and_counts_one_version() {
        Map<Class<?>, CaseEvent> samples = new HashMap<>();
        COMMANDS.forEach((command, event) -> {
            CaseStatus from = CaseStatus.valueOf(ALLOWED.get(command.getClass().getSimpleName()).split(" ")[0]);
            decider.decide(command, decider.fold(historyTo(from))).forEach(e -> samples.put(e.getClass(), e));
        });
        samples.put(CaseAssigned.class, ASSIGNED);
        samples.put(CaseBecameOverdue.class, new CaseBecameOverdue(ID, Department.PUBLIC_SECURITY, DEADLINE, DEADLINE.plusDays(1)));

        assertThat(samples.keySet()).as("a sample of every event CaseEvent permits")
                .containsExactlyInAnyOrder(CaseEvent.class.getPermittedSubclasses());
        samples.values().stream().filter(e -> !(e instanceof CaseAssigned)).forEach(event -> {
            CaseFile before = decider.fold(List.of(ASSIGNED, ACCEPTED));
            assertThat(decider.evolve(before, event).version()).as(event.getClass().getSimpleName()).isEqualTo(3);
        });
    }

    @Test
    void assigning_records_case_assigned_and_the_case_waits_for_its_department() {
        AssignCase assign = new AssignCase(ID, ID, "XF-2026-00042", "wage arrears", Department.PUBLIC_SECURITY,
                "Deputy Director Zhang", Difficulty.DIFFICULT, ASSIGNED_ON, DEADLINE);

        List<CaseEvent> then = decider.decide(assign, decider.initialState());

        assertThat(then).containsExactly(ASSIGNED);
        assertThat(decider.fold(then).status()).isEqualTo(CaseStatus.ASSIGNED);
    }

    @Test
    void the_statutory_handling_period_runs_from_acceptance_and_is_extended_once() {
        CaseFile accepted = decider.fold(List.of(ASSIGNED, ACCEPTED));
        assertThat(accepted.statutory().acceptedOn()).isEqualTo(ASSIGNED_ON);
        assertThat(accepted.statutory().extensionDays()).isZero();

        List<CaseEvent> extended = decider.decide(new ExtendHandling(30, "expert appraisal pending", LATER), accepted);
        assertThat(extended).containsExactly(new HandlingExtended(ID, 30, "expert appraisal pending", LATER));
        CaseFile once = decider.fold(List.of(ASSIGNED, ACCEPTED, extended.get(0)));
        assertThat(once.statutory().extensionDays()).isEqualTo(30);

        assertThatThrownBy(() -> decider.decide(new ExtendHandling(10, "again", LATER), once))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION))
                .hasMessageContaining("extended once");
        assertThatThrownBy(() -> decider.decide(new ExtendHandling(10, "too early", ASSIGNED_ON.minusDays(1)), accepted))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
    }

    @Test
    void a_review_asked_for_within_the_period_reopens_the_answered_case_with_its_own_deadline_once() {
        LocalDate answered = LATER;
        CaseFile closed = decider.fold(historyTo(CaseStatus.CLOSED));
        assertThat(closed.statutory().answeredOn()).isEqualTo(answered);
        LocalDate due = answered.plusDays(40);
        RequestReview review = new RequestReview("disputes the compensation", answered.plusDays(30),
                day -> day.plusDays(30), due);

        List<CaseEvent> asked = decider.decide(review, closed);
        assertThat(asked).containsExactly(new CaseReviewRequested(ID, Department.PUBLIC_SECURITY,
                "disputes the compensation", answered.plusDays(30), due));
        List<CaseEvent> history = new ArrayList<>(historyTo(CaseStatus.CLOSED));
        history.addAll(asked);
        CaseFile underReview = decider.fold(history);
        assertThat(underReview.status()).as("back with the department that answered").isEqualTo(CaseStatus.ACCEPTED);
        assertThat(underReview.department()).isEqualTo(Department.PUBLIC_SECURITY);
        assertThat(underReview.statutory().reviewDue()).isEqualTo(due);
        assertThat(underReview.deadline()).as("the review's own deadline").isEqualTo(due);

        // answered again: a second review is for the next level, not this case
        history.add(new CaseClosed(ID, "XF-2026-00042", Department.PUBLIC_SECURITY, "upheld", due.minusDays(1)));
        CaseFile answeredAgain = decider.fold(history);
        assertThatThrownBy(() -> decider.decide(new RequestReview("again", due, day -> day.plusDays(30), due.plusDays(30)),
                answeredAgain)).isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION)).hasMessageContaining("once");

        assertThatThrownBy(() -> decider.decide(new RequestReview("late", answered.plusDays(31), day -> day.plusDays(30), due),
                closed)).isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE)).hasMessageContaining("ended on "
                                + answered.plusDays(30));
        assertThatThrownBy(() -> decider.decide(new RequestReview("early", answered.minusDays(1), day -> day.plusDays(30), due),
                closed)).isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
    }

    @Test
    void a_petition_gets_one_case_only() {
        AssignCase again = new AssignCase(ID, ID, "XF-2026-00042", "x", Department.COURT, "Vice President Li",
                Difficulty.ROUTINE, ASSIGNED_ON, DEADLINE);
        assertThatThrownBy(() -> decider.decide(again, decider.fold(List.of(ASSIGNED))))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION));
    }

    @Test
    void a_command_on_a_case_that_does_not_exist_is_not_found() {
        assertThatThrownBy(() -> decider.decide(new AcceptCase(LATER), decider.initialState()))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void a_transfer_moves_the_case_to_the_new_department_waiting_to_be_accepted() {
        CaseFile state = decider.fold(List.of(ASSIGNED, ACCEPTED,
                new CaseTransferred(ID, Department.PUBLIC_SECURITY, Department.COURT, "court matter", LATER)));

        assertThat(state.department()).isEqualTo(Department.COURT);
        assertThat(state.status()).isEqualTo(CaseStatus.ASSIGNED);
    }

    @Test
    void a_transfer_to_the_holding_department_is_unprocessable() {
        assertThatThrownBy(() -> decider.decide(new TransferCase(Department.PUBLIC_SECURITY, "x", LATER),
                decider.fold(List.of(ASSIGNED))))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
    }

    @Test
    void closing_before_the_case_was_assigned_is_unprocessable() {
        assertThatThrownBy(() -> decider.decide(new CloseCase("x", ASSIGNED_ON.minusDays(1)), decider.fold(List.of(ASSIGNED))))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
    }

    @Test
    void a_reopened_case_is_accepted_again_by_the_same_department() {
        CaseFile state = decider.fold(List.of(ASSIGNED, ACCEPTED,
                new CaseClosed(ID, "XF-2026-00042", Department.PUBLIC_SECURITY, "solved", LATER),
                new CaseReopened(ID, Department.PUBLIC_SECURITY, "dissatisfied", LATER.plusDays(15))));

        assertThat(state.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(state.department()).isEqualTo(Department.PUBLIC_SECURITY);
    }

    /** Assigned (version 1), accepted (2), closed (3), reopened (4), closed again (5). */
    private static List<CaseEvent> closedTwice() {
        return List.of(ASSIGNED, ACCEPTED,
                new CaseClosed(ID, "XF-2026-00042", Department.PUBLIC_SECURITY, "solved", LATER),
                new CaseReopened(ID, Department.PUBLIC_SECURITY, "dissatisfied", LATER.plusDays(5)),
                new CaseClosed(ID, "XF-2026-00042", Department.PUBLIC_SECURITY, "solved again", LATER.plusDays(10)));
    }

    @Test
    void a_dissatisfied_visit_for_an_earlier_closure_does_not_reopen_the_case_closed_again() {
        CaseFile closedAgain = decider.fold(closedTwice());
        assertThat(closedAgain.version()).as("the event store's version: one per event").isEqualTo(5);
        assertThat(closedAgain.closedAt()).isEqualTo(5);

        assertThat(decider.decide(new ReopenCase("dissatisfied with the first answer", LATER.plusDays(12), 3), closedAgain))
                .as("the visit of closure 3 came after closure 5").isEmpty();
        assertThat(decider.decide(new ReopenCase("dissatisfied with the second answer", LATER.plusDays(12), 5), closedAgain))
                .containsExactly(new CaseReopened(ID, Department.PUBLIC_SECURITY, "dissatisfied with the second answer",
                        LATER.plusDays(12)));
    }

    @Test
    void a_dissatisfied_visit_for_a_closure_already_undone_changes_nothing_and_one_the_case_never_had_is_refused() {
        List<CaseEvent> reviewed = new ArrayList<>(historyTo(CaseStatus.CLOSED));
        reviewed.add(new CaseReviewRequested(ID, Department.PUBLIC_SECURITY, "disputes", LATER.plusDays(2), LATER.plusDays(32)));
        assertThat(decider.decide(new ReopenCase("dissatisfied", LATER.plusDays(3), 3), decider.fold(reviewed)))
                .as("the case is back with its department since the review was asked for").isEmpty();

        assertThatThrownBy(() -> decider.decide(new ReopenCase("dissatisfied", LATER, 7), decider.fold(closedTwice())))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION))
                .hasMessageContaining("version 7");
    }

    @Test
    void a_visit_that_names_no_closure_reopens_whatever_closure_the_case_is_in_as_before() {
        assertThat(decider.decide(new ReopenCase("dissatisfied", LATER.plusDays(12), null), decider.fold(closedTwice())))
                .singleElement().isInstanceOf(CaseReopened.class);
    }

    @Test
    void an_open_case_past_its_deadline_becomes_overdue_once_per_deadline() {
        LocalDate dayAfter = DEADLINE.plusDays(1);
        List<CaseEvent> first = decider.decide(new MarkOverdue(dayAfter), decider.fold(List.of(ASSIGNED, ACCEPTED)));
        assertThat(first).containsExactly(new CaseBecameOverdue(ID, Department.PUBLIC_SECURITY, DEADLINE, dayAfter));

        List<CaseEvent> history = new ArrayList<>(List.of(ASSIGNED, ACCEPTED));
        history.addAll(first);
        assertThat(decider.decide(new MarkOverdue(dayAfter.plusDays(3)), decider.fold(history))).isEmpty();

        history.add(new DeadlineChanged(ID, DEADLINE, DEADLINE.plusDays(10), "extended"));
        assertThat(decider.decide(new MarkOverdue(DEADLINE.plusDays(5)), decider.fold(history))).isEmpty();
        assertThat(decider.decide(new MarkOverdue(DEADLINE.plusDays(11)), decider.fold(history)))
                .singleElement().isInstanceOf(CaseBecameOverdue.class);
    }

    @Test
    void a_case_due_today_or_closed_or_suspended_is_not_overdue() {
        assertThat(decider.decide(new MarkOverdue(DEADLINE), decider.fold(List.of(ASSIGNED)))).isEmpty();
        assertThat(decider.decide(new MarkOverdue(DEADLINE.plusDays(1)), decider.fold(historyTo(CaseStatus.CLOSED)))).isEmpty();
        assertThat(decider.decide(new MarkOverdue(DEADLINE.plusDays(1)), decider.fold(historyTo(CaseStatus.SUSPENDED)))).isEmpty();
    }

    @Test
    void a_file_joins_the_case_in_any_status_but_not_once_its_petitioner_was_erased() {
        UUID file = UUID.randomUUID();
        AddAttachment add = new AddAttachment(file, "收据.png", "image/png", 2048, "cd".repeat(32), AttachmentKind.RECEIPT_PHOTO,
                LATER);
        CaseFile closed = decider.fold(historyTo(CaseStatus.CLOSED));

        List<CaseEvent> added = decider.decide(add, closed);
        assertThat(added).containsExactly(new AttachmentAdded(ID, file, "收据.png", "image/png", 2048, "cd".repeat(32),
                "RECEIPT_PHOTO", LATER));
        assertThat(decider.evolve(closed, added.get(0)).status()).as("the status stays").isEqualTo(CaseStatus.CLOSED);

        List<CaseEvent> erased = new ArrayList<>(historyTo(CaseStatus.CLOSED));
        erased.add(new CasePersonalDataErased(ID));
        assertThatThrownBy(() -> decider.decide(add, decider.fold(erased)))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION))
                .hasMessageContaining("erased");
    }
}
