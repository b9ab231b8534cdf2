package org.lettersvisits.assignment.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Petition-service's case file as this service reads it (the JSON of its {@code GET /api/petitions/{id}}, the
 * petitioner masked), and the return visits read from its timeline. Plain JUnit on the JSON petition-service answers.
 */
class PetitionPartTest {

    /** What petition-service answers for a case closed, visited dissatisfied and reopened (fields this file ignores too). */
    private static final String ANSWER = """
            {"id": "5f0c4a9e-3b1d-4a52-9d0e-0c1f2a3b4c5d", "caseNumber": "XF-2026-00042", "channel": "VISIT",
             "receivedOn": "2026-10-14", "receivedBy": "接待员甲", "jointVisitDay": true,
             "petitioner": {"name": "王敏", "idNumber": "110101********1234", "phone": "139****5656",
                            "address": "北京市海淀区*********", "town": "海淀镇"},
             "petitionerErased": false, "headcount": 3, "subject": "欠薪诉讼久拖不判", "description": "公司拖欠工资八个月",
             "involvesLawAndLitigation": true, "escalatedTo": null, "status": "ACCEPTED", "department": "COURT",
             "visits": [{"receivedOn": "2026-10-14", "receivedBy": "接待员甲", "note": null},
                        {"receivedOn": "2026-10-30", "receivedBy": "接待员乙", "note": "询问进展"}],
             "timeline": [
               {"type": "case.reopened.v1", "at": "2026-11-09T10:00:00.000001+08:00", "actor": "followup1",
                "detail": "department: COURT, reason: dissatisfied", "facts": {"department": "COURT", "reason": "dissatisfied"}},
               {"type": "petition.registered-sealed.v1", "at": "2026-10-14T09:00:00+08:00", "actor": "reception1",
                "detail": "channel: VISIT", "facts": {"channel": "VISIT"}},
               {"type": "case.assigned.v1", "at": "2026-10-14T11:00:00+08:00", "actor": "supervisor1", "detail": null,
                "facts": {"department": "COURT", "deadline": "2026-11-13"}},
               {"type": "case.closed.v1", "at": "2026-11-02T15:00:00+08:00", "actor": "judge1", "detail": null,
                "facts": {"resolution": "已依法答复", "closedOn": "2026-11-02"}},
               {"type": "return-visit.scheduled.v1", "at": "2026-11-02T15:00:01+08:00", "actor": "system", "detail": null,
                "facts": {"dueBy": "2026-11-09"}},
               {"type": "return-visit.completed.v1", "at": "2026-11-09T10:00:00.000001+08:00", "actor": "followup1",
                "detail": null, "facts": {"visitor": "回访员李", "satisfaction": "DISSATISFIED", "petitionerWithdraws": false,
                "reopen": true, "notes": "对赔偿数额仍有异议"}}],
             "statutoryDeadlines": {"acceptanceNotice": {"date": "2026-10-29", "provisional": false}}, "version": 4}
            """;

    private static PetitionPart read(String json) throws Exception {
        return PetitionPart.read(EventCodec.JSON.readTree(json), EventCodec.JSON);
    }

    @Test
    void reads_what_petition_service_answers_and_leaves_out_what_the_file_does_not_show() throws Exception {
        PetitionPart part = read(ANSWER);

        assertThat(part.petitioner()).isEqualTo(new PetitionPart.Petitioner("王敏", "139****5656", "北京市海淀区*********"));
        assertThat(part.channel()).isEqualTo("VISIT");
        assertThat(part.receivedOn()).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(part.headcount()).isEqualTo(3);
        assertThat(part.description()).isEqualTo("公司拖欠工资八个月");
        assertThat(part.repeatVisits()).containsExactly(new PetitionPart.Visit(LocalDate.of(2026, 10, 30), "接待员乙", "询问进展"));
    }

    @Test
    void the_timeline_runs_in_the_cases_order_a_reopening_after_the_visit_recorded_in_the_same_instant() throws Exception {
        assertThat(read(ANSWER).timelineInOrder()).extracting(PetitionPart.TimelineEntry::type).containsExactly(
                "petition.registered-sealed.v1", "case.assigned.v1", "case.closed.v1", "return-visit.scheduled.v1",
                "return-visit.completed.v1", "case.reopened.v1");
    }

    @Test
    void the_return_visits_are_read_from_the_timeline() throws Exception {
        List<ReturnVisitOnFile> visits = ReturnVisitOnFile.of(read(ANSWER).timelineInOrder());

        assertThat(visits).hasSize(1);
        ReturnVisitOnFile visit = visits.get(0);
        assertThat(visit.dueBy()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(visit.visitor()).isEqualTo("回访员李");
        assertThat(visit.satisfaction()).isEqualTo("DISSATISFIED");
        assertThat(visit.petitionerWithdraws()).isFalse();
        assertThat(visit.reopen()).isTrue();
        assertThat(visit.notes()).isEqualTo("对赔偿数额仍有异议");
        assertThat(visit.recordedAt()).isNotNull();
        assertThat(visit.overdue()).isFalse();
    }

    @Test
    void a_visit_overdue_and_a_second_closures_visit_still_open_are_told_apart() throws Exception {
        JsonNode answer = EventCodec.JSON.readTree("""
                {"timeline": [
                  {"type": "return-visit.scheduled.v1", "at": "2026-11-02T15:00:00+08:00", "facts": {"dueBy": "2026-11-09"}},
                  {"type": "return-visit.became-overdue.v1", "at": "2026-11-10T01:00:00+08:00", "facts": {}},
                  {"type": "return-visit.completed.v1", "at": "2026-11-12T10:00:00+08:00",
                   "facts": {"visitor": "回访员李", "satisfaction": "SATISFIED", "petitionerWithdraws": true, "reopen": false,
                             "visitedOn": "2026-11-11"}},
                  {"type": "return-visit.scheduled.v1", "at": "2026-11-30T15:00:00+08:00", "facts": {"dueBy": "2026-12-07"}}]}
                """);
        List<ReturnVisitOnFile> visits = ReturnVisitOnFile.of(PetitionPart.read(answer, EventCodec.JSON).timelineInOrder());

        assertThat(visits).extracting(ReturnVisitOnFile::dueBy).containsExactly(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 7));
        assertThat(visits.get(0).overdue()).isTrue();
        assertThat(visits.get(0).visitedOn()).isEqualTo(LocalDate.of(2026, 11, 11));
        assertThat(visits.get(0).petitionerWithdraws()).isTrue();
        assertThat(visits.get(1).visitor()).isNull();
        assertThat(visits.get(1).overdue()).isFalse();
    }

    @Test
    void an_answer_that_is_not_a_case_file_is_unreadable() {
        assertThatThrownBy(() -> read("{\"receivedOn\": \"yesterday\"}")).isInstanceOf(PetitionPart.Unreadable.class);
    }
}
