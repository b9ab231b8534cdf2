package org.lettersvisits.reporting.projection;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.contracts.petition.PetitionEvent;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.contracts.petition.RepeatVisitRecorded;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies one event to one generation of the read models. The live consumer and the rebuild use
 * this same code, in the same event order, so a rebuilt generation equals the live one. Events the reports do not
 * need change nothing.
 * <p>
 * Events may arrive out of order (a redelivery, an event redriven from the dead letters after later ones were
 * applied), and each still counts, once (the consumer log sees to once):
 * <ul>
 * <li>a value later events change (a case's status and holder, as each case event states them in event-contracts;
 * its deadline; the day it was accepted, closed or a review asked for; the extension) is set only from an event newer
 * than the one that set it, whose version the row keeps beside it ({@code <column>_version}): a late event fills in
 * what it knows and never turns a newer value back;</li>
 * <li>what only one event says (the assignment's number, leader and day; a visit's scheduling, its completion; a
 * petition's registration) is set by that event whenever it comes;</li>
 * <li>the row starts with whichever of its events comes first, so nothing an event says is lost because an earlier
 * one is still in the dead letters.</li>
 * </ul>
 * Each event is at most one statement that reads nothing back, so the rebuild can send a whole batch's
 * statements at once (pipelined, in log order) instead of waiting for each answer; keep it so.
 */
@ApplicationScoped
public class ReportProjector {

    private static final Uni<Void> NOTHING = Uni.createFrom().voidItem();

    /** A value of a case that later events change, from parameter {@code $parameter}; {@code $3} is the version. */
    private record Newest(String column, int parameter, String type) {

        String value() {
            return "$" + parameter + "::" + type;
        }

        /** In a case's first row: the value, and the version if the event carries it (no extension counts 0 days). */
        String inserted() {
            return (column.equals("extension_days") ? "COALESCE(" + value() + ", 0)" : value())
                    + ", CASE WHEN " + value() + " IS NOT NULL THEN $3::int END";
        }

        /** In a case's row: the value and its version, if the event carries it and is newer than the one that set it. */
        String updated() {
            String newer = "%2$s IS NOT NULL AND ($3::int IS NULL OR c.%1$s_version IS NULL OR c.%1$s_version < $3::int)"
                    .formatted(column, value());
            return ("%1$s = CASE WHEN %2$s THEN %3$s ELSE c.%1$s END, "
                    + "%1$s_version = CASE WHEN %2$s THEN $3::int ELSE c.%1$s_version END").formatted(column, newer, value());
        }
    }

    private static final List<Newest> NEWEST = List.of(new Newest("status", 7, "text"), new Newest("department", 8, "text"),
            new Newest("deadline", 9, "date"), new Newest("accepted_on", 10, "date"),
            new Newest("extension_days", 11, "int"), new Newest("closed_on", 12, "date"),
            new Newest("review_requested_on", 13, "date"));

    /** Any case event: $1 generation, $2 case, $3 version, $4-$6 what only the assignment says, $7-$13 {@link #NEWEST}. */
    private static final String CASE_EVENT = """
            INSERT INTO rm_case AS c (generation, id, version, case_number, responsible_leader, first_assigned_on, %s)
            VALUES ($1, $2, $3::int, $4, $5, $6, %s)
            ON CONFLICT (generation, id) DO UPDATE SET version = GREATEST(c.version, $3::int),
                case_number = COALESCE(c.case_number, $4), responsible_leader = COALESCE(c.responsible_leader, $5),
                first_assigned_on = COALESCE(c.first_assigned_on, $6), %s"""
            .formatted(each(n -> n.column() + ", " + n.column() + "_version"), each(Newest::inserted), each(Newest::updated));

    private static String each(Function<Newest, String> part) {
        return NEWEST.stream().map(part).collect(Collectors.joining(", "));
    }

    /**
     * @param version the aggregate's version after {@code event}, or null for an event published before
     *                versions travelled (applied in arrival order)
     */
    public Uni<Void> apply(SqlClient tx, int generation, Object event, Integer version) {
        if (event instanceof PetitionEvent p) {
            return p.accept(new PetitionEvent.Visitor<Uni<Void>>() {
                @Override
                public Uni<Void> petitionRegistered(PetitionRegistered e) {
                    return run(tx, """
                            INSERT INTO rm_petition (generation, id, received_on, channel, joint_visit_day,
                                                     involves_law_and_litigation, escalated_to)
                            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""",
                            generation, e.petitionId(), e.receivedOn(), e.channel().name(), e.jointVisitDay(),
                            e.involvesLawAndLitigation(), e.escalatedTo() == null ? null : e.escalatedTo().name());
                }

                @Override
                public Uni<Void> repeatVisitRecorded(RepeatVisitRecorded e) {
                    return NOTHING; // a repeat visit is never counted as a new petition
                }

                @Override
                public Uni<Void> personalDataErased(PersonalDataErased e) {
                    return NOTHING; // the tables hold no free text; ReportInbox scrubs the kept records
                }
            });
        }
        if (event instanceof CaseEvent c) {
            CaseFacts facts = CaseFacts.of(c);
            Optional<CaseAssigned> assigned = Optional.ofNullable(facts.assigned());
            return run(tx, CASE_EVENT, generation, c.caseId(), version, assigned.map(CaseAssigned::caseNumber).orElse(null),
                    assigned.map(CaseAssigned::responsibleLeader).orElse(null),
                    assigned.map(CaseAssigned::assignedOn).orElse(null),
                    c.newStatus().map(Enum::name).orElse(null), c.newHolder().map(Enum::name).orElse(null),
                    facts.deadline(), facts.acceptedOn(), facts.extensionDays(), facts.closedOn(),
                    facts.reviewRequestedOn());
        }
        if (event instanceof ReturnVisitEvent v) {
            return v.accept(new ReturnVisitRows(tx, generation, version));
        }
        return NOTHING;
    }

    /** A visit is scheduled once and completed once: each event sets its own facts, whichever comes first. */
    private record ReturnVisitRows(SqlClient tx, int generation, Integer version) implements ReturnVisitEvent.Visitor<Uni<Void>> {

        @Override
        public Uni<Void> returnVisitScheduled(ReturnVisitScheduled v) {
            return run(tx, """
                    INSERT INTO rm_return_visit AS r (generation, id, case_id, department, closed_on, due_by, version)
                    VALUES ($1, $2, $3, $4, $5, $6, $7::int)
                    ON CONFLICT (generation, id) DO UPDATE SET case_id = COALESCE(r.case_id, $3),
                        department = COALESCE(r.department, $4), closed_on = COALESCE(r.closed_on, $5),
                        due_by = COALESCE(r.due_by, $6), version = GREATEST(r.version, $7::int)""",
                    generation, v.visitId(), v.caseId(), v.department().name(), v.closedOn(), v.dueBy(), version);
        }

        @Override
        public Uni<Void> returnVisitCompleted(ReturnVisitCompleted v) {
            return run(tx, """
                    INSERT INTO rm_return_visit AS r (generation, id, case_id, completed, satisfaction, petitioner_withdraws,
                                                      version)
                    VALUES ($1, $2, $3, true, $4, $5, $6::int)
                    ON CONFLICT (generation, id) DO UPDATE SET completed = true, satisfaction = $4,
                        petitioner_withdraws = $5, version = GREATEST(r.version, $6::int)""",
                    generation, v.visitId(), v.caseId(), v.satisfaction().name(), v.petitionerWithdraws(), version);
        }

        @Override
        public Uni<Void> returnVisitBecameOverdue(ReturnVisitBecameOverdue v) {
            return NOTHING; // overdue is counted from the due day, on the day asked
        }

        @Override
        public Uni<Void> returnVisitAttemptFailed(ReturnVisitAttemptFailed v) {
            return NOTHING; // only the completion counts as the visit; a failed try is counted nowhere
        }
    }

    private static Uni<Void> run(SqlClient tx, String sql, Object... values) {
        return tx.preparedQuery(sql).execute(Tuple.from(Arrays.asList(values))).replaceWithVoid();
    }
}
