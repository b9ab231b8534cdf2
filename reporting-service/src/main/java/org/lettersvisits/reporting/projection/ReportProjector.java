package org.lettersvisits.reporting.projection;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.petition.PetitionRegistered;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies one event to one generation of the read models. The live consumer and the rebuild use
 * this same code, in the same event order, so a rebuilt generation equals the live one. A case's
 * status and department follow the rule each case event states (event-contracts), and an update is
 * applied only from an event newer than the aggregate version the row holds, so redelivery never
 * turns a row back. Events the reports do not need change nothing.
 * <p>
 * Each event is at most one statement that reads nothing back, so the rebuild can send a whole batch's
 * statements at once (pipelined, in log order) instead of waiting for each answer; keep it so.
 */
@ApplicationScoped
public class ReportProjector {

    /**
     * @param version the aggregate's version after {@code event}, or null for an event published before
     *                versions travelled (applied in arrival order)
     */
    public Uni<Void> apply(SqlClient tx, int generation, Object event, Integer version) {
        if (event instanceof PetitionRegistered p) {
            return run(tx, """
                    INSERT INTO rm_petition (generation, id, received_on, channel, joint_visit_day,
                                             involves_law_and_litigation, escalated_to)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""",
                    generation, p.petitionId(), p.receivedOn(), p.channel().name(), p.jointVisitDay(),
                    p.involvesLawAndLitigation(), p.escalatedTo() == null ? null : p.escalatedTo().name());
        }
        if (event instanceof CaseAssigned c) {
            return run(tx, """
                    INSERT INTO rm_case (generation, id, case_number, department, responsible_leader, first_assigned_on,
                                         deadline, status, version)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING""",
                    generation, c.caseId(), c.caseNumber(), c.department().name(), c.responsibleLeader(), c.assignedOn(),
                    c.deadline(), c.newStatus().orElseThrow().name(), version);
        }
        if (event instanceof CaseEvent c) {
            // the statutory limits' days travel too: accepted on, the extension, answered (closed) on, review asked on
            return run(tx, """
                    UPDATE rm_case SET status = COALESCE($3, status), department = COALESCE($4, department),
                        deadline = COALESCE($5, deadline), version = COALESCE($6, version),
                        accepted_on = COALESCE($7, accepted_on), extension_days = COALESCE($8, extension_days),
                        closed_on = COALESCE($9, closed_on), review_requested_on = COALESCE($10, review_requested_on)
                    WHERE generation = $1 AND id = $2 AND ($6::int IS NULL OR version IS NULL OR version < $6::int)""",
                    generation, c.caseId(), c.newStatus().map(Enum::name).orElse(null),
                    c.newHolder().map(Enum::name).orElse(null),
                    c instanceof DeadlineChanged changed ? changed.deadline()
                            : c instanceof CaseReviewRequested review ? review.reviewDue() : null, version,
                    c instanceof CaseAccepted accepted ? accepted.acceptedOn() : null,
                    c instanceof HandlingExtended extended ? extended.days() : null,
                    c instanceof CaseClosed closed ? closed.closedOn() : null,
                    c instanceof CaseReviewRequested review ? review.requestedOn() : null);
        }
        if (event instanceof ReturnVisitScheduled v) {
            return run(tx, """
                    INSERT INTO rm_return_visit (generation, id, case_id, department, closed_on, due_by, completed, version)
                    VALUES ($1, $2, $3, $4, $5, $6, false, $7) ON CONFLICT DO NOTHING""",
                    generation, v.visitId(), v.caseId(), v.department().name(), v.closedOn(), v.dueBy(), version);
        }
        if (event instanceof ReturnVisitCompleted v) {
            return run(tx, """
                    UPDATE rm_return_visit SET completed = true, satisfaction = $3, petitioner_withdraws = $4,
                        version = COALESCE($5, version)
                    WHERE generation = $1 AND id = $2 AND ($5::int IS NULL OR version IS NULL OR version < $5::int)""",
                    generation, v.visitId(), v.satisfaction().name(), v.petitionerWithdraws(), version);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> run(SqlClient tx, String sql, Object... values) {
        return tx.preparedQuery(sql).execute(Tuple.from(Arrays.asList(values))).replaceWithVoid();
    }
}
