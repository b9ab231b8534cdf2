package org.lettersvisits.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.petition.PetitionRegistered;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies one event to one generation of the read models. The live consumer and the rebuild use
 * this same code, in the same event order, so a rebuilt generation equals the live one. Events
 * the reports do not need change nothing.
 */
@ApplicationScoped
public class ReportProjector {

    public Uni<Void> apply(SqlClient tx, int generation, Object event) {
        if (event instanceof PetitionRegistered p) {
            return run(tx, """
                    INSERT INTO rm_petition (generation, id, received_on, channel, joint_visit_day,
                                             involves_law_and_litigation, escalated_to)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""",
                    Tuple.from(new Object[] { generation, p.petitionId(), p.receivedOn(), p.channel().name(),
                            p.jointVisitDay(), p.involvesLawAndLitigation(),
                            p.escalatedTo() == null ? null : p.escalatedTo().name() }));
        }
        if (event instanceof CaseAssigned c) {
            return run(tx, """
                    INSERT INTO rm_case (generation, id, case_number, department, responsible_leader, first_assigned_on,
                                         deadline, status)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, 'ASSIGNED') ON CONFLICT DO NOTHING""",
                    Tuple.from(new Object[] { generation, c.caseId(), c.caseNumber(), c.department().name(),
                            c.responsibleLeader(), c.assignedOn(), c.deadline() }));
        }
        if (event instanceof CaseTransferred c) {
            return caseUpdate(tx, "department = $3, status = 'ASSIGNED'", generation, c.caseId(), c.toDepartment().name());
        }
        if (event instanceof CaseAccepted || event instanceof CaseResumed || event instanceof CaseReopened) {
            return caseUpdate(tx, "status = $3", generation, caseId(event), "ACCEPTED");
        }
        if (event instanceof CaseClosed c) {
            return caseUpdate(tx, "status = $3", generation, c.caseId(), "CLOSED");
        }
        if (event instanceof CaseSuspended c) {
            return caseUpdate(tx, "status = $3", generation, c.caseId(), "SUSPENDED");
        }
        if (event instanceof DeadlineChanged c) {
            return caseUpdate(tx, "deadline = $3", generation, c.caseId(), c.deadline());
        }
        if (event instanceof ReturnVisitScheduled v) {
            return run(tx, """
                    INSERT INTO rm_return_visit (generation, id, case_id, department, closed_on, due_by, completed)
                    VALUES ($1, $2, $3, $4, $5, $6, false) ON CONFLICT DO NOTHING""",
                    Tuple.from(new Object[] { generation, v.visitId(), v.caseId(), v.department().name(), v.closedOn(),
                            v.dueBy() }));
        }
        if (event instanceof ReturnVisitCompleted v) {
            return run(tx, """
                    UPDATE rm_return_visit SET completed = true, satisfaction = $3, petitioner_withdraws = $4
                    WHERE generation = $1 AND id = $2""",
                    Tuple.of(generation, v.visitId(), v.satisfaction().name(), v.petitionerWithdraws()));
        }
        return Uni.createFrom().voidItem();
    }

    private static java.util.UUID caseId(Object event) {
        return ((org.lettersvisits.contracts.assignment.CaseEvent) event).caseId();
    }

    private static Uni<Void> caseUpdate(SqlClient tx, String set, int generation, java.util.UUID id, Object value) {
        return run(tx, "UPDATE rm_case SET " + set + " WHERE generation = $1 AND id = $2", Tuple.of(generation, id, value));
    }

    private static Uni<Void> run(SqlClient tx, String sql, Tuple tuple) {
        return tx.preparedQuery(sql).execute(tuple).replaceWithVoid();
    }
}
