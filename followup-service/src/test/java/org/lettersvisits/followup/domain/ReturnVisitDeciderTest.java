package org.lettersvisits.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.followup.NotReachedReason;
import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.followup.domain.ReturnVisitCommand.CompleteReturnVisit;
import org.lettersvisits.followup.domain.ReturnVisitCommand.MarkReturnVisitOverdue;
import org.lettersvisits.followup.domain.ReturnVisitCommand.RecordFailedAttempt;
import org.lettersvisits.followup.domain.ReturnVisitCommand.ScheduleReturnVisit;

class ReturnVisitDeciderTest {

    private static final UUID VISIT = UUID.randomUUID();
    private static final UUID CASE = UUID.randomUUID();
    private static final LocalDate CLOSED_ON = LocalDate.of(2026, 5, 17);
    private static final LocalDate DUE_BY = CLOSED_ON.plusDays(15);
    private static final ReturnVisitScheduled SCHEDULED = new ReturnVisitScheduled(VISIT, CASE, "XF-2026-00001",
            Department.PUBLIC_SECURITY, CLOSED_ON, DUE_BY, 3);

    private final ReturnVisitDecider decider = new ReturnVisitDecider();

    private List<ReturnVisitEvent> given(List<ReturnVisitEvent> history, ReturnVisitCommand when) {
        return decider.decide(when, decider.fold(history));
    }

    private static CompleteReturnVisit complete(Satisfaction satisfaction, boolean reopen) {
        return new CompleteReturnVisit(CLOSED_ON.plusDays(10), "Visitor S", satisfaction, false, "notes", reopen);
    }

    @Test
    void a_closure_schedules_one_return_visit_and_scheduling_again_changes_nothing() {
        ScheduleReturnVisit schedule = new ScheduleReturnVisit(VISIT, CASE, "XF-2026-00001", Department.PUBLIC_SECURITY,
                CLOSED_ON, DUE_BY, 3);
        assertThat(given(List.of(), schedule)).containsExactly(SCHEDULED);
        assertThat(given(List.of(SCHEDULED), schedule)).isEmpty();
    }

    @Test
    void completing_records_the_outcome() {
        assertThat(given(List.of(SCHEDULED), complete(Satisfaction.BASICALLY_SATISFIED, false))).singleElement()
                .isInstanceOfSatisfying(ReturnVisitCompleted.class, c -> {
                    assertThat(c.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
                    assertThat(c.reopen()).isFalse();
                    assertThat(c.caseId()).isEqualTo(CASE);
                });
    }

    @Test
    void a_dissatisfied_visit_may_reopen_the_closure_it_was_made_for() {
        assertThat(given(List.of(SCHEDULED), complete(Satisfaction.DISSATISFIED, true))).singleElement()
                .isInstanceOfSatisfying(ReturnVisitCompleted.class, c -> {
                    assertThat(c.reopen()).isTrue();
                    assertThat(c.closureVersion()).as("the case's version after the closure").isEqualTo(3);
                });
    }

    @Test
    void a_visit_scheduled_before_closures_were_named_completes_naming_none() {
        ReturnVisitScheduled unnamed = new ReturnVisitScheduled(VISIT, CASE, "XF-2026-00001", Department.PUBLIC_SECURITY,
                CLOSED_ON, DUE_BY);
        assertThat(given(List.of(unnamed), complete(Satisfaction.DISSATISFIED, true))).singleElement()
                .isInstanceOfSatisfying(ReturnVisitCompleted.class, c -> assertThat(c.closureVersion()).isNull());
    }

    @Test
    void only_a_dissatisfied_visit_may_reopen_the_case() {
        assertThatThrownBy(() -> given(List.of(SCHEDULED), complete(Satisfaction.SATISFIED, true)))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
    }

    @Test
    void completing_twice_is_a_forbidden_transition() {
        ReturnVisitEvent done = given(List.of(SCHEDULED), complete(Satisfaction.SATISFIED, false)).get(0);
        assertThatThrownBy(() -> given(List.of(SCHEDULED, done), complete(Satisfaction.SATISFIED, false)))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION));
    }

    @Test
    void completing_an_unknown_visit_is_not_found() {
        assertThatThrownBy(() -> given(List.of(), complete(Satisfaction.SATISFIED, false)))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void a_pending_visit_past_its_due_date_becomes_overdue_once() {
        List<ReturnVisitEvent> first = given(List.of(SCHEDULED), new MarkReturnVisitOverdue(DUE_BY.plusDays(1)));
        assertThat(first).containsExactly(new ReturnVisitBecameOverdue(VISIT, CASE, DUE_BY, DUE_BY.plusDays(1)));
        assertThat(given(List.of(SCHEDULED, first.get(0)), new MarkReturnVisitOverdue(DUE_BY.plusDays(9)))).isEmpty();
        assertThat(given(List.of(SCHEDULED), new MarkReturnVisitOverdue(DUE_BY))).isEmpty();
    }

    @Test
    void a_completed_visit_never_becomes_overdue() {
        ReturnVisitEvent done = given(List.of(SCHEDULED), complete(Satisfaction.SATISFIED, false)).get(0);
        assertThat(given(List.of(SCHEDULED, done), new MarkReturnVisitOverdue(DUE_BY.plusDays(30)))).isEmpty();
    }

    private static RecordFailedAttempt attempt(LocalDate on, NotReachedReason reason) {
        return new RecordFailedAttempt(on, DUE_BY.plusDays(30), "Visitor S", reason, "rang twice");
    }

    private ReturnVisitAttemptFailed failed(List<ReturnVisitEvent> history, LocalDate on, NotReachedReason reason) {
        return (ReturnVisitAttemptFailed) given(history, attempt(on, reason)).get(0);
    }

    @Test
    void a_failed_attempt_is_recorded_with_its_day_reason_and_notes_and_leaves_the_visit_open() {
        ReturnVisitAttemptFailed tried = failed(List.of(SCHEDULED), CLOSED_ON.plusDays(2), NotReachedReason.NO_ANSWER);

        assertThat(tried).isEqualTo(new ReturnVisitAttemptFailed(VISIT, CASE, CLOSED_ON.plusDays(2), "Visitor S",
                NotReachedReason.NO_ANSWER, "rang twice"));
        ReturnVisit state = decider.fold(List.of(SCHEDULED, tried));
        assertThat(state.completed()).isFalse();
        assertThat(state.failedAttempts()).isEqualTo(1);
        assertThat(state.lastAttempt()).isEqualTo(tried);
    }

    @Test
    void attempts_add_up_and_the_latest_is_the_one_of_the_latest_day_even_when_recorded_late() {
        ReturnVisitAttemptFailed second = failed(List.of(SCHEDULED), CLOSED_ON.plusDays(5), NotReachedReason.WRONG_NUMBER);
        ReturnVisitAttemptFailed first = failed(List.of(SCHEDULED, second), CLOSED_ON.plusDays(1), NotReachedReason.NO_ANSWER);
        ReturnVisitAttemptFailed sameDay = failed(List.of(SCHEDULED, second, first), CLOSED_ON.plusDays(5),
                NotReachedReason.REFUSED);

        ReturnVisit state = decider.fold(List.of(SCHEDULED, second, first));
        assertThat(state.failedAttempts()).isEqualTo(2);
        assertThat(state.lastAttempt()).isEqualTo(second);
        assertThat(decider.fold(List.of(SCHEDULED, second, first, sameDay)).lastAttempt())
                .as("of two on one day, the one recorded later").isEqualTo(sameDay);
    }

    @Test
    void no_attempt_is_recorded_after_the_visit_was_completed() {
        ReturnVisitEvent done = given(List.of(SCHEDULED), complete(Satisfaction.SATISFIED, false)).get(0);
        assertThatThrownBy(() -> given(List.of(SCHEDULED, done), attempt(CLOSED_ON.plusDays(11), NotReachedReason.NO_ANSWER)))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_TRANSITION));
    }

    @Test
    void an_attempt_before_the_closure_or_after_today_is_unprocessable() {
        assertThatThrownBy(() -> given(List.of(SCHEDULED), attempt(CLOSED_ON.minusDays(1), NotReachedReason.NO_ANSWER)))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
        RecordFailedAttempt tomorrow = new RecordFailedAttempt(CLOSED_ON.plusDays(3), CLOSED_ON.plusDays(2), "Visitor S",
                NotReachedReason.NO_ANSWER, null);
        assertThatThrownBy(() -> given(List.of(SCHEDULED), tomorrow))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNPROCESSABLE));
        assertThat(given(List.of(SCHEDULED), attempt(CLOSED_ON, NotReachedReason.REFUSED))).as("on the closing day").hasSize(1);
    }

    @Test
    void an_attempt_on_an_unknown_visit_is_not_found() {
        assertThatThrownBy(() -> given(List.of(), attempt(CLOSED_ON.plusDays(1), NotReachedReason.NO_ANSWER)))
                .isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void a_visit_tried_without_success_still_becomes_overdue_and_can_then_be_completed() {
        ReturnVisitAttemptFailed tried = failed(List.of(SCHEDULED), CLOSED_ON.plusDays(3), NotReachedReason.NO_ANSWER);
        assertThat(given(List.of(SCHEDULED, tried), new MarkReturnVisitOverdue(DUE_BY.plusDays(1)))).singleElement()
                .isInstanceOf(ReturnVisitBecameOverdue.class);
        assertThat(given(List.of(SCHEDULED, tried), complete(Satisfaction.SATISFIED, false))).singleElement()
                .isInstanceOf(ReturnVisitCompleted.class);
    }

    /** One event of each kind the sealed interface permits: a new kind fails here until the decider folds it. */
    @Test
    void every_kind_of_return_visit_event_folds() {
        ReturnVisitAttemptFailed tried = failed(List.of(SCHEDULED), CLOSED_ON.plusDays(3), NotReachedReason.NO_ANSWER);
        ReturnVisitEvent overdue = new ReturnVisitBecameOverdue(VISIT, CASE, DUE_BY, DUE_BY.plusDays(1));
        ReturnVisitEvent done = given(List.of(SCHEDULED), complete(Satisfaction.SATISFIED, false)).get(0);
        List<ReturnVisitEvent> oneOfEach = List.of(SCHEDULED, tried, overdue, done);

        assertThat(oneOfEach).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(
                Arrays.asList(ReturnVisitEvent.class.getPermittedSubclasses()));
        ReturnVisit state = decider.fold(oneOfEach);
        assertThat(state.completed()).isTrue();
        assertThat(state.overdueRecorded()).isTrue();
        assertThat(state.failedAttempts()).isEqualTo(1);
    }
}
