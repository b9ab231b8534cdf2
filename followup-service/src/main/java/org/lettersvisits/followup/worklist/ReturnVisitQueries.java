package org.lettersvisits.followup.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.followup.NotReachedReason;
import org.lettersvisits.contracts.followup.ReturnVisitRules;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of the return-visit worklist. */
@ApplicationScoped
public class ReturnVisitQueries {

    /** Where a visit stands: done, or pending, or pending past its due date. */
    public enum WorklistStatus {
        PENDING, COMPLETED, OVERDUE
    }

    /** Which visits a worklist shows: one status, or OPEN for every visit not completed (overdue ones first). */
    public enum WorklistFilter {
        PENDING, COMPLETED, OVERDUE, OPEN
    }

    /**
     * One line of the worklist; {@code subject} (what the petitioner asked) and {@code answer} (the department's answer
     * at the closure) are null once the petitioner is erased, and for visits scheduled before they were kept;
     * {@code petitionId} (whom to ask petition-service about) is null for visits scheduled before it was kept.
     * {@code attempts} counts the failed attempts to reach the petitioner, {@code lastAttempt} the latest (null: none).
     * {@code petitioner} (whom to call) is filled in by {@link PetitionerContacts} and null wherever petition-service
     * did not say.
     */
    public record WorklistItem(UUID id, UUID caseId, String caseNumber, Department department, LocalDate closedOn,
            LocalDate dueBy, WorklistStatus status, String subject, String answer, LocalDate visitedOn, String visitor,
            String satisfaction, Boolean petitionerWithdraws, Boolean reopen, int version, UUID petitionId, int attempts,
            LastAttempt lastAttempt, Petitioner petitioner) {

        WorklistItem withPetitioner(Petitioner shown) {
            return new WorklistItem(id, caseId, caseNumber, department, closedOn, dueBy, status, subject, answer,
                    visitedOn, visitor, satisfaction, petitionerWithdraws, reopen, version, petitionId, attempts, lastAttempt,
                    shown);
        }
    }

    /** The latest failed attempt to reach the petitioner: its day and why it failed (its notes stay in the events). */
    public record LastAttempt(LocalDate attemptedOn, NotReachedReason reason) {
    }

    /**
     * Whom to call, as petition-service shows them to the user: the name and the phone masked ({@code 139****5656});
     * {@code erased}: the petitioner's data was erased, nothing left to show.
     */
    public record Petitioner(String name, String phone, boolean erased) {
    }

    /**
     * A page of the worklist and how many visits match in all; {@code petitionersUnavailable}: petition-service could
     * not say whom to call, so every item's petitioner is null.
     */
    public record Page(List<WorklistItem> items, long total, boolean petitionersUnavailable) {
    }

    private static final String FILTER = """
            WHERE ($1::text IS NULL
                   OR ($1 = 'COMPLETED' AND completed)
                   OR ($1 = 'PENDING' AND NOT completed AND due_by >= $2)
                   OR ($1 = 'OVERDUE' AND NOT completed AND due_by < $2)
                   OR ($1 = 'OPEN' AND NOT completed))
              AND ($3::uuid IS NULL OR case_id = $3)
              AND ($4::text IS NULL OR department = $4)
              AND ($5::text IS NULL OR case_number = $5)""";

    private final Pool pool;

    ReturnVisitQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * A page of the visits of one status (or all), of one case (or all) or one case number (or all), of one
     * department's cases (or all).
     */
    public Uni<Page> worklist(WorklistFilter status, UUID caseId, String caseNumber, Optional<Department> department,
            LocalDate today, int page, int size) {
        String wanted = status == null ? null : status.name();
        String only = department.map(Department::name).orElse(null);
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM return_visit_view " + FILTER)
                .execute(Tuple.of(wanted, today, caseId, only, caseNumber)).map(rows -> rows.iterator().next().getLong("n"));
        Uni<List<WorklistItem>> items = pool.preparedQuery("SELECT * FROM return_visit_view " + FILTER
                + " ORDER BY completed, due_by, case_number LIMIT $6 OFFSET $7")
                .execute(Tuple.from(new Object[] { wanted, today, caseId, only, caseNumber, size, (long) page * size }))
                .map(rows -> {
                    List<WorklistItem> list = new ArrayList<>();
                    rows.forEach(row -> list.add(item(row, today)));
                    return list;
                });
        return Uni.combine().all().unis(items, total).asTuple().map(t -> new Page(t.getItem1(), t.getItem2(), false));
    }

    /** Every visit the filter matches, in the worklist's order, at most {@code limit}: for exports. */
    public Uni<List<WorklistItem>> all(WorklistFilter status, UUID caseId, String caseNumber,
            Optional<Department> department, LocalDate today, int limit) {
        return worklist(status, caseId, caseNumber, department, today, 0, limit).map(Page::items);
    }

    public Uni<Optional<WorklistItem>> find(UUID id, LocalDate today) {
        return pool.preparedQuery("SELECT * FROM return_visit_view WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(item(rows.iterator().next(), today)));
    }

    /** Pending visits past their due date whose overdue event is not recorded yet. */
    public Uni<List<WorklistItem>> newlyOverdue(LocalDate today) {
        return pool.preparedQuery("SELECT * FROM return_visit_view WHERE NOT overdue_recorded AND "
                + ReturnVisitRules.overdueSql("completed", "due_by", "$1"))
                .execute(Tuple.of(today))
                .map(rows -> {
                    List<WorklistItem> list = new ArrayList<>();
                    rows.forEach(row -> list.add(item(row, today)));
                    return list;
                });
    }

    private static WorklistItem item(Row row, LocalDate today) {
        boolean completed = row.getBoolean("completed");
        LocalDate dueBy = row.getLocalDate("due_by");
        WorklistStatus status = completed ? WorklistStatus.COMPLETED
                : ReturnVisitRules.isOverdue(completed, dueBy, today) ? WorklistStatus.OVERDUE : WorklistStatus.PENDING;
        LocalDate lastAttemptOn = row.getLocalDate("last_attempt_on");
        return new WorklistItem(row.getUUID("id"), row.getUUID("case_id"), row.getString("case_number"),
                Department.valueOf(row.getString("department")), row.getLocalDate("closed_on"), dueBy, status,
                row.getString("subject"), row.getString("answer"), row.getLocalDate("visited_on"), row.getString("visitor"),
                row.getString("satisfaction"), row.getBoolean("petitioner_withdraws"), row.getBoolean("reopen"),
                row.getInteger("version"), row.getUUID("petition_id"), row.getInteger("attempts"),
                lastAttemptOn == null ? null
                        : new LastAttempt(lastAttemptOn, NotReachedReason.valueOf(row.getString("last_attempt_reason"))),
                null);
    }
}
