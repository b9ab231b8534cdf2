package org.lettersvisits.assignment.queue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseStatus;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of {@code case_view}: one case, a department's queue, the overdue list. */
@ApplicationScoped
public class CaseQueries {

    /** A case as lists show it. */
    public record CaseLine(UUID id, UUID petitionId, String caseNumber, String subject, Department department,
            String responsibleLeader, LocalDate deadline, CaseStatus status, int version) {

        public boolean overdueOn(LocalDate today) {
            return status.isOpen() && deadline.isBefore(today);
        }

        public long daysOverdueOn(LocalDate today) {
            return Math.max(0, ChronoUnit.DAYS.between(deadline, today));
        }
    }

    /** A page of a queue, how many cases it holds in all and how many of them are overdue. */
    public record Page(List<CaseLine> items, long total, long overdue) {
    }

    @Inject
    Pool pool;

    public Uni<Optional<CaseLine>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM case_view WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(line(rows.iterator().next())));
    }

    /** A department's cases with the given statuses, earliest deadline first; overdue counts open ones before {@code today}. */
    public Uni<Page> queue(Department department, List<CaseStatus> statuses, int page, int size, LocalDate today) {
        String[] wanted = statuses.stream().map(Enum::name).toArray(String[]::new);
        Uni<Row> counts = pool.preparedQuery("""
                SELECT count(*) AS n,
                       count(*) FILTER (WHERE status IN ('ASSIGNED', 'ACCEPTED') AND deadline < $3) AS overdue
                FROM case_view WHERE department = $1 AND status = ANY($2)""")
                .execute(Tuple.of(department.name(), wanted, today)).map(rows -> rows.iterator().next());
        Uni<List<CaseLine>> items = pool.preparedQuery("""
                SELECT * FROM case_view WHERE department = $1 AND status = ANY($2)
                ORDER BY deadline, case_number LIMIT $3 OFFSET $4""")
                .execute(Tuple.of(department.name(), wanted, size, (long) page * size))
                .map(CaseQueries::lines);
        return Uni.combine().all().unis(items, counts).asTuple()
                .map(t -> new Page(t.getItem1(), t.getItem2().getLong("n"), t.getItem2().getLong("overdue")));
    }

    /** Open cases whose deadline is before {@code today}, most overdue first. */
    public Uni<List<CaseLine>> overdue(LocalDate today) {
        return pool.preparedQuery("""
                SELECT * FROM case_view WHERE status IN ('ASSIGNED', 'ACCEPTED') AND deadline < $1
                ORDER BY deadline, case_number""")
                .execute(Tuple.of(today)).map(CaseQueries::lines);
    }

    /** Open cases past their deadline for which CaseBecameOverdue has not been recorded yet. */
    public Uni<List<CaseLine>> newlyOverdue(LocalDate today) {
        return pool.preparedQuery("""
                SELECT * FROM case_view WHERE status IN ('ASSIGNED', 'ACCEPTED') AND deadline < $1
                  AND overdue_recorded_for IS DISTINCT FROM deadline""")
                .execute(Tuple.of(today)).map(CaseQueries::lines);
    }

    private static List<CaseLine> lines(Iterable<Row> rows) {
        List<CaseLine> lines = new ArrayList<>();
        rows.forEach(row -> lines.add(line(row)));
        return lines;
    }

    private static CaseLine line(Row row) {
        return new CaseLine(row.getUUID("id"), row.getUUID("petition_id"), row.getString("case_number"),
                row.getString("subject"), Department.valueOf(row.getString("department")),
                row.getString("responsible_leader"), row.getLocalDate("deadline"),
                CaseStatus.valueOf(row.getString("status")), row.getInteger("version"));
    }
}
