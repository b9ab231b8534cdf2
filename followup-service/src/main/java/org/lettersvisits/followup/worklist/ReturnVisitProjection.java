package org.lettersvisits.followup.worklist;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.followup.domain.ReturnVisit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps {@code return_visit_view} equal to the visit's state, in the transaction that records its events, with what the
 * assignment events tell of its case: the subject, the department's answer and the petition.
 */
@ApplicationScoped
public class ReturnVisitProjection {

    public Uni<Void> save(SqlClient tx, Aggregate<ReturnVisitEvent, ReturnVisit> aggregate) {
        ReturnVisit v = aggregate.state();
        ReturnVisitCompleted o = v.outcome();
        ReturnVisitAttemptFailed last = v.lastAttempt();
        // a failed attempt's notes are not kept here (only in the sealed events): nothing of them to blank on erasure
        return tx.preparedQuery("""
                INSERT INTO return_visit_view (id, case_id, case_number, department, closed_on, due_by, completed,
                    overdue_recorded, visited_on, visitor, satisfaction, petitioner_withdraws, notes, reopen, version,
                    attempts, last_attempt_on, last_attempt_reason)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                        CASE WHEN EXISTS (SELECT 1 FROM erased_case WHERE id = $2) THEN NULL ELSE $13 END, $14, $15,
                        $16, $17, $18)
                ON CONFLICT (id) DO UPDATE SET completed = EXCLUDED.completed, overdue_recorded = EXCLUDED.overdue_recorded,
                    visited_on = EXCLUDED.visited_on, visitor = EXCLUDED.visitor, satisfaction = EXCLUDED.satisfaction,
                    petitioner_withdraws = EXCLUDED.petitioner_withdraws, notes = EXCLUDED.notes,
                    reopen = EXCLUDED.reopen, version = EXCLUDED.version, attempts = EXCLUDED.attempts,
                    last_attempt_on = EXCLUDED.last_attempt_on, last_attempt_reason = EXCLUDED.last_attempt_reason""")
                .execute(Tuple.from(new Object[] { v.visitId(), v.caseId(), v.caseNumber(), v.department().name(),
                        v.closedOn(), v.dueBy(), v.completed(), v.overdueRecorded(),
                        o == null ? null : o.visitedOn(), o == null ? null : o.visitor(),
                        o == null ? null : o.satisfaction().name(), o == null ? null : o.petitionerWithdraws(),
                        o == null ? null : o.notes(), o == null ? null : o.reopen(), aggregate.version(),
                        v.failedAttempts(), last == null ? null : last.attemptedOn(),
                        last == null ? null : last.reason().name() }))
                .replaceWithVoid();
    }

    /**
     * What CaseAssigned tells of a case, kept for its closure's visit: the petition it came from (whom to call) and what
     * the petitioner asked (its subject; not for a petitioner already erased).
     */
    public Uni<Void> rememberCase(SqlClient tx, UUID caseId, UUID petitionId, String subject) {
        return tx.preparedQuery("""
                INSERT INTO case_subject (case_id, petition_id, subject)
                SELECT $1, $2, CASE WHEN EXISTS (SELECT 1 FROM erased_case WHERE id = $1) THEN NULL ELSE $3 END
                ON CONFLICT (case_id) DO UPDATE SET petition_id = EXCLUDED.petition_id, subject = EXCLUDED.subject""")
                .execute(Tuple.of(caseId, petitionId, subject)).replaceWithVoid();
    }

    /**
     * Gives a visit its case's petition, and the case's subject and the department's answer (the resolution of the
     * closure it follows) unless the petitioner was erased.
     */
    public Uni<Void> describe(SqlClient tx, UUID visitId, UUID caseId, String answer) {
        return tx.preparedQuery("""
                UPDATE return_visit_view
                SET petition_id = (SELECT petition_id FROM case_subject WHERE case_id = $2),
                    subject = CASE WHEN e.erased THEN NULL ELSE (SELECT subject FROM case_subject WHERE case_id = $2) END,
                    answer = CASE WHEN e.erased THEN NULL ELSE $3 END
                FROM (SELECT EXISTS (SELECT 1 FROM erased_case WHERE id = $2) AS erased) e
                WHERE id = $1""")
                .execute(Tuple.of(visitId, caseId, answer)).replaceWithVoid();
    }

    /**
     * The petitioner of {@code caseId} was erased: the visits' notes, the case's subject and the department's answer
     * (free text by or about them) go, now and for visits scheduled or completed later; who visited, when and how
     * satisfied, the failed attempts' days and reasons and the petition's id stay (petition-service then says there is
     * nobody left to call).
     */
    public Uni<Void> forgetPersonalText(SqlClient tx, UUID caseId) {
        return tx.preparedQuery("INSERT INTO erased_case (id) VALUES ($1) ON CONFLICT DO NOTHING").execute(Tuple.of(caseId))
                .chain(() -> tx.preparedQuery("UPDATE case_subject SET subject = NULL WHERE case_id = $1")
                        .execute(Tuple.of(caseId)))
                .chain(() -> tx.preparedQuery(
                        "UPDATE return_visit_view SET notes = NULL, subject = NULL, answer = NULL WHERE case_id = $1")
                        .execute(Tuple.of(caseId)))
                .replaceWithVoid();
    }
}
