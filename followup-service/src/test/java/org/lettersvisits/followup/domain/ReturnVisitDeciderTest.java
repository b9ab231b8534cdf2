package org.lettersvisits.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.followup.domain.ReturnVisitCommand.CompleteReturnVisit;
import org.lettersvisits.followup.domain.ReturnVisitCommand.MarkReturnVisitOverdue;
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
}
