package org.lettersvisits.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.followup.ReturnVisitRules;
import org.lettersvisits.kit.KitDatabase;
import org.lettersvisits.testsupport.RuleCases;
import org.lettersvisits.testsupport.RuleCases.LeadershipCase;
import org.lettersvisits.testsupport.RuleCases.ReturnVisitCase;
import org.lettersvisits.testsupport.RuleCases.StatutoryCase;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

/**
 * The shared rules themselves, asked about the hand-worked {@link RuleCases}: each in its Java form and, on a real
 * PostgreSQL, in the SQL form the services count with; both must give the answers worked out by hand.
 */
class SharedRulesTest {

    private static final LocalDate DAY = RuleCases.STATUTORY_DAY;
    private static KitDatabase db;

    private final StatutoryLimits limits = StatutoryLimits.ofTheRegulations();

    @BeforeAll
    static void database() {
        db = KitDatabase.fresh();
        db.sql("CREATE TABLE rule_case (name text, status text, deadline date)");
        db.sql("CREATE TABLE rule_visit (name text, completed boolean, due_by date)");
        for (LeadershipCase c : RuleCases.leadership(DAY)) {
            db.sql("INSERT INTO rule_case VALUES ('" + c.name() + "', '" + c.status() + "', '" + c.deadline() + "')");
        }
        for (ReturnVisitCase v : RuleCases.returnVisits(DAY)) {
            db.sql("INSERT INTO rule_visit VALUES ('" + v.name() + "', " + v.completed() + ", '" + v.dueBy() + "')");
        }
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void open_closed_and_overdue_by_the_leadership_deadline_in_java_and_in_sql() {
        List<LeadershipCase> cases = RuleCases.leadership(DAY);
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.status().isOpen()).as(c.name()).isEqualTo(c.open());
            assertThat(c.status().countsAsClosed()).as(c.name()).isEqualTo(c.closed());
            assertThat(CaseRules.isOverdue(c.status(), c.deadline(), DAY)).as(c.name()).isEqualTo(c.overdue());
            assertThat(CaseRules.daysOverdue(c.status(), c.deadline(), DAY)).as(c.name()).isEqualTo(c.daysOverdue());
        });
        assertThat(names("rule_case", CaseRules.openSql("status"))).isEqualTo(named(cases, LeadershipCase::open));
        assertThat(names("rule_case", CaseRules.closedSql("status"))).isEqualTo(named(cases, LeadershipCase::closed));
        assertThat(names("rule_case", CaseRules.overdueSql("status", "deadline", "'" + DAY + "'")))
                .isEqualTo(named(cases, LeadershipCase::overdue)).isNotEmpty();
    }

    @Test
    void a_return_visit_is_overdue_in_java_and_in_sql() {
        List<ReturnVisitCase> visits = RuleCases.returnVisits(DAY);
        assertThat(visits).allSatisfy(v -> assertThat(ReturnVisitRules.isOverdue(v.completed(), v.dueBy(), DAY))
                .as(v.name()).isEqualTo(v.overdue()));
        assertThat(names("rule_visit", ReturnVisitRules.overdueSql("completed", "due_by", "'" + DAY + "'")))
                .isEqualTo(namedVisits(visits, ReturnVisitCase::overdue)).isNotEmpty();
    }

    @Test
    void the_statutory_deadline_a_case_keeps_and_whether_it_kept_it() {
        assertThat(RuleCases.STATUTORY).allSatisfy(c -> {
            assertThat(limits.handlingDue(c.assignedOn(), c.acceptedOn(), c.extensionDays()).date()).as(c.name())
                    .isEqualTo(c.handlingDue());
            StatutoryDeadline due = limits.caseDue(c.assignedOn(), c.acceptedOn(), c.extensionDays(), c.reviewRequestedOn());
            assertThat(due.date()).as(c.name()).isEqualTo(c.due());
            assertThat(StatutoryLimits.keptLimit(c.closedOn(), due)).as(c.name()).isEqualTo(c.kept());
            assertThat(StatutoryLimits.pastLimit(c.status(), due, DAY)).as(c.name()).isEqualTo(c.past());
        });
    }

    private static List<String> names(String table, String condition) {
        List<String> found = new ArrayList<>();
        db.pool().query("SELECT name FROM " + table + " WHERE " + condition + " ORDER BY name").execute()
                .await().indefinitely().forEach(row -> found.add(row.getString("name")));
        return found;
    }

    private static List<String> named(List<LeadershipCase> cases, Predicate<LeadershipCase> rule) {
        return cases.stream().filter(rule).map(LeadershipCase::name).sorted().toList();
    }

    private static List<String> namedVisits(List<ReturnVisitCase> visits, Predicate<ReturnVisitCase> rule) {
        return visits.stream().filter(rule).map(ReturnVisitCase::name).sorted().toList();
    }
}
