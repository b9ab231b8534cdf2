package org.lettersvisits.assignment.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.time.StatutoryDeadline;

/** What a day's digests hold and say, from the open cases alone. */
class DigestsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static DueCase due(String number, Department department, String leader, LocalDate deadline,
            LocalDate statutory) {
        return new DueCase(number, department, leader, deadline,
                statutory == null ? null : new StatutoryDeadline(statutory, false));
    }

    @Test
    void each_department_and_each_leader_gets_the_cases_past_or_within_seven_days_most_urgent_first() {
        List<DueCase> open = List.of(
                due("XF-2026-00001", Department.PUBLIC_SECURITY, "王建国", LocalDate.of(2026, 12, 1), null),
                due("XF-2026-00002", Department.PUBLIC_SECURITY, "李明", LocalDate.of(2026, 12, 10), null),
                due("XF-2026-00003", Department.COURT, "王建国", LocalDate.of(2027, 3, 1), LocalDate.of(2026, 12, 8)),
                due("XF-2026-00004", Department.COURT, "李明", LocalDate.of(2026, 12, 15), null));

        List<Digest> digests = Digests.of(open, TODAY, 7);

        assertThat(digests).extracting(d -> d.audience() + " " + d.addressee()).containsExactly(
                "DEPARTMENT COURT", "DEPARTMENT PUBLIC_SECURITY", "LEADER 李明", "LEADER 王建国");
        Digest police = digests.get(1);
        assertThat(police.cases()).extracting(DueCase::caseNumber).containsExactly("XF-2026-00001", "XF-2026-00002");
        assertThat(digests.get(0).cases()).as("due by its statutory deadline tomorrow, not the leaders' in March; "
                + "the court's case due on the 15th is 8 days away").extracting(DueCase::caseNumber)
                .containsExactly("XF-2026-00003");
        Digest wang = digests.get(3);
        assertThat(wang.cases()).extracting(DueCase::caseNumber).containsExactly("XF-2026-00001", "XF-2026-00003");

        assertThat(police.subject()).isEqualTo("信访案件到期提醒（公安局，2026年12月7日）：已逾期1件，7日内到期1件");
        String text = police.text("http://localhost:8082/#queue");
        assertThat(text).startsWith("公安局：").contains("贵单位")
                .contains("已逾期（1件）\n  XF-2026-00001｜责任领导 王建国｜办理期限 2026-12-01（已逾期6天）")
                .contains("3日内到期（1件）\n  XF-2026-00002｜责任领导 李明｜办理期限 2026-12-10（还有3天）")
                .contains("http://localhost:8082/#queue");
        assertThat(wang.text("x")).startsWith("王建国：").contains("您负责的")
                .contains("XF-2026-00003｜法院｜办理期限 2027-03-01（还有84天）｜法定办理期限 2026-12-08（还有1天）")
                .contains("今明两日到期（1件）");
    }

    @Test
    void nobody_gets_a_digest_when_nothing_is_due() {
        assertThat(Digests.of(List.of(due("XF-2026-00009", Department.COURT, "李明", LocalDate.of(2026, 12, 31), null)),
                TODAY, 7)).isEmpty();
    }
}
