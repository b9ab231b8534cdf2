package org.lettersvisits.assignment.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.assignment.app.CaseDeadlines.Deadline;
import org.lettersvisits.assignment.app.CaseDeadlines.Kind;
import org.lettersvisits.assignment.domain.CaseDecider;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.StoredEvent;
import org.lettersvisits.time.StatutoryLimits;

/**
 * The case's part of a file, from the case's events: which deadlines bind on a day and how many days are left, the
 * answer, the petition's part kept or left out, and nothing personal once the petitioner was erased. Plain JUnit.
 */
class CaseFileViewTest {

    private static final UUID ID = UUID.randomUUID();
    private static final LocalDate ASSIGNED_ON = LocalDate.of(2026, 10, 14);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 11, 13);
    private static final StatutoryLimits LIMITS = StatutoryLimits.ofTheRegulations();

    private static final CaseAssigned ASSIGNED = new CaseAssigned(ID, ID, "XF-2026-00042", "wage arrears lawsuit",
            Department.COURT, "Vice President Li", Difficulty.ROUTINE, ASSIGNED_ON, DEADLINE);
    private static final CaseAccepted ACCEPTED = new CaseAccepted(ID, Department.COURT, LocalDate.of(2026, 10, 16));
    private static final CaseClosed CLOSED = new CaseClosed(ID, "XF-2026-00042", Department.COURT,
            "explained the judgment; the wages were paid", LocalDate.of(2026, 11, 2));

    private static Aggregate<CaseEvent, CaseFile> given(CaseEvent... events) {
        CaseDecider decider = new CaseDecider();
        CaseFile state = decider.initialState();
        List<StoredEvent<CaseEvent>> history = new ArrayList<>();
        for (CaseEvent event : events) {
            state = decider.evolve(state, event);
            history.add(new StoredEvent<>(UUID.randomUUID(), ID, history.size() + 1, "case", event,
                    EventMetadata.ofRequest("judge1"), OffsetDateTime.now(ZoneOffset.UTC)));
        }
        return new Aggregate<>(ID, state, history.size(), history);
    }

    private static CaseFileView file(LocalDate today, PetitionPart petition, CaseEvent... events) {
        return CaseFileView.of(given(events), petition, today, LIMITS);
    }

    private static PetitionPart petition() {
        OffsetDateTime at = OffsetDateTime.of(2026, 10, 14, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        return new PetitionPart("VISIT", ASSIGNED_ON, new PetitionPart.Petitioner("王敏", "139****5656", "北京市海淀区******"),
                false, 2, "公司拖欠工资八个月，起诉后法院迟迟未判",
                List.of(new PetitionPart.Visit(ASSIGNED_ON, "接待员甲", null),
                        new PetitionPart.Visit(LocalDate.of(2026, 10, 20), "接待员乙", "再次来访询问进展")),
                List.of(new PetitionPart.TimelineEntry("case.closed.v1", at.plusDays(19), "judge1",
                        "resolution: explained the judgment", Map.of("resolution", "explained the judgment", "closedOn", "2026-11-02")),
                        new PetitionPart.TimelineEntry("petition.registered-sealed.v1", at, "reception1", "channel: VISIT",
                                Map.of("channel", "VISIT"))));
    }

    @Test
    void an_assigned_case_counts_down_to_the_leaderships_deadline_and_the_statutory_handling_period() {
        LocalDate today = LocalDate.of(2026, 11, 3);
        CaseFileView file = file(today, null, ASSIGNED);

        var handling = LIMITS.handlingDue(ASSIGNED_ON, null, 0);
        assertThat(file.deadlines()).containsExactly(new Deadline(Kind.LEADERSHIP, DEADLINE, 10, false),
                new Deadline(Kind.STATUTORY_HANDLING, handling.date(), handling.date().toEpochDay() - today.toEpochDay(),
                        handling.provisional()));
        assertThat(file.answer()).isNull();
    }

    @Test
    void a_deadline_past_has_negative_days_left_and_the_handling_period_runs_from_acceptance_with_its_extension() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        CaseFileView file = file(today, null, ASSIGNED, ACCEPTED, new HandlingExtended(ID, 20, "evidence from afar",
                LocalDate.of(2026, 11, 10)));

        assertThat(file.deadlines()).extracting(Deadline::kind).containsExactly(Kind.LEADERSHIP, Kind.STATUTORY_HANDLING);
        assertThat(file.deadlines().get(0).daysLeft()).isEqualTo(-7);
        assertThat(file.deadlines().get(1).due()).isEqualTo(LIMITS.handlingDue(ASSIGNED_ON, ACCEPTED.acceptedOn(), 20).date());
        assertThat(file.handlingExtendedBy()).isEqualTo(20);
    }

    @Test
    void a_closed_case_shows_its_answer_and_counts_down_to_the_last_day_a_review_may_be_asked_for() {
        CaseFileView file = file(LocalDate.of(2026, 11, 3), null, ASSIGNED, ACCEPTED, CLOSED);

        assertThat(file.answer()).isEqualTo(new CaseFileView.Answer(CLOSED.resolution(), CLOSED.closedOn()));
        assertThat(file.deadlines()).extracting(Deadline::kind).containsExactly(Kind.REVIEW_REQUEST);
        assertThat(file.deadlines().get(0).due()).isEqualTo(LIMITS.reviewRequestDue(CLOSED.closedOn()).date());
    }

    @Test
    void a_case_under_review_counts_down_to_the_review_and_after_its_second_answer_to_nothing() {
        LocalDate requestedOn = LocalDate.of(2026, 11, 5);
        LocalDate reviewDue = LocalDate.of(2026, 12, 7);
        CaseReviewRequested review = new CaseReviewRequested(ID, Department.COURT, "disputes the answer", requestedOn,
                reviewDue);

        assertThat(file(LocalDate.of(2026, 11, 6), null, ASSIGNED, ACCEPTED, CLOSED, review).deadlines())
                .extracting(Deadline::kind).containsExactly(Kind.LEADERSHIP, Kind.REVIEW);
        CaseClosed again = new CaseClosed(ID, "XF-2026-00042", Department.COURT, "reviewed", LocalDate.of(2026, 11, 20));
        assertThat(file(LocalDate.of(2026, 11, 21), null, ASSIGNED, ACCEPTED, CLOSED, review, again).deadlines()).isEmpty();
    }

    @Test
    void a_suspended_case_shows_the_reason_as_its_answer_and_counts_down_to_nothing() {
        CaseSuspended suspended = new CaseSuspended(ID, Department.COURT, "the petitioner withdrew the lawsuit",
                LocalDate.of(2026, 10, 30));
        CaseFileView file = file(LocalDate.of(2026, 11, 3), null, ASSIGNED, ACCEPTED, suspended);

        assertThat(file.answer()).isEqualTo(new CaseFileView.Answer(suspended.reason(), suspended.suspendedOn()));
        assertThat(file.deadlines()).isEmpty();
    }

    @Test
    void a_reopened_case_has_no_answer_but_its_deadlines_again() {
        CaseFileView file = file(LocalDate.of(2026, 11, 10), null, ASSIGNED, ACCEPTED, CLOSED,
                new CaseReopened(ID, Department.COURT, "dissatisfied at the return visit", LocalDate.of(2026, 11, 9)));

        assertThat(file.answer()).isNull();
        assertThat(file.deadlines()).extracting(Deadline::kind).containsExactly(Kind.LEADERSHIP, Kind.STATUTORY_HANDLING);
    }

    @Test
    void without_petition_service_the_petitions_part_is_null_and_the_file_says_so() {
        CaseFileView file = file(LocalDate.of(2026, 11, 3), null, ASSIGNED);

        assertThat(file.petitionUnavailable()).isTrue();
        assertThat(file.petitioner()).isNull();
        assertThat(file.description()).isNull();
        assertThat(file.timeline()).isNull();
        assertThat(file.returnVisits()).isNull();
        assertThat(file.subject()).isEqualTo(ASSIGNED.subject());
        assertThat(file.department()).isEqualTo(Department.COURT);
    }

    @Test
    void the_petitions_part_shows_the_masked_petitioner_the_repeat_visits_and_the_timeline_in_the_cases_order() {
        CaseFileView file = file(LocalDate.of(2026, 11, 3), petition(), ASSIGNED, ACCEPTED, CLOSED);

        assertThat(file.petitionUnavailable()).isFalse();
        assertThat(file.petitioner()).isEqualTo(new PetitionPart.Petitioner("王敏", "139****5656", "北京市海淀区******"));
        assertThat(file.channel()).isEqualTo("VISIT");
        assertThat(file.headcount()).isEqualTo(2);
        assertThat(file.repeatVisits()).extracting(PetitionPart.Visit::note).containsExactly("再次来访询问进展");
        assertThat(file.timeline()).extracting(PetitionPart.TimelineEntry::type)
                .containsExactly("petition.registered-sealed.v1", "case.closed.v1");
    }

    @Test
    void once_the_petitioner_is_erased_nothing_written_by_or_about_them_is_shown() {
        CaseFileView file = file(LocalDate.of(2026, 11, 3), petition(), ASSIGNED, ACCEPTED, CLOSED,
                new CasePersonalDataErased(ID));

        assertThat(file.petitionerErased()).isTrue();
        assertThat(file.petitioner()).isNull();
        assertThat(file.subject()).isNull();
        assertThat(file.description()).isNull();
        assertThat(file.answer().resolution()).isNull();
        assertThat(file.answer().answeredOn()).isEqualTo(CLOSED.closedOn());
        assertThat(file.repeatVisits()).extracting(PetitionPart.Visit::note).containsOnlyNulls();
        PetitionPart.TimelineEntry closure = file.timeline().get(1);
        assertThat(closure.facts()).containsOnlyKeys("closedOn");
        assertThat(closure.detail()).isNull();
    }
}
