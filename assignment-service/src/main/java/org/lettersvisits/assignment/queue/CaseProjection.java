package org.lettersvisits.assignment.queue;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.contracts.assignment.CaseEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Keeps {@code case_view} equal to the case's state, in the transaction that records its events. */
@ApplicationScoped
public class CaseProjection {

    public Uni<Void> save(SqlClient tx, Aggregate<CaseEvent, CaseFile> aggregate) {
        CaseFile c = aggregate.state();
        return tx.preparedQuery("""
                INSERT INTO case_view (id, petition_id, case_number, subject, department, responsible_leader, difficulty,
                                       assigned_on, deadline, status, overdue_recorded_for, version, accepted_on,
                                       extension_days, answered_on, review_due)
                VALUES ($1, $2, $3, COALESCE($4, ''), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                ON CONFLICT (id) DO UPDATE SET department = EXCLUDED.department, deadline = EXCLUDED.deadline,
                    status = EXCLUDED.status, overdue_recorded_for = EXCLUDED.overdue_recorded_for,
                    version = EXCLUDED.version, accepted_on = EXCLUDED.accepted_on,
                    extension_days = EXCLUDED.extension_days, answered_on = EXCLUDED.answered_on,
                    review_due = EXCLUDED.review_due""")
                .execute(Tuple.from(new Object[] { c.caseId(), c.petitionId(), c.caseNumber(), c.subject(),
                        c.department().name(), c.responsibleLeader(), c.difficulty().name(), c.assignedOn(), c.deadline(),
                        c.status().name(), c.overdueRecordedFor(), aggregate.version(), c.statutory().acceptedOn(),
                        c.statutory().extensionDays(), c.statutory().answeredOn(), c.statutory().reviewDue() }))
                .replaceWithVoid();
    }
}
