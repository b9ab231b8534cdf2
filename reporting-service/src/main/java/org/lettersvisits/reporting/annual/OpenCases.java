package org.lettersvisits.reporting.annual;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.reporting.projection.Generations;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The cases of a year still open, as the year-end report lists them: read from the live generation. */
@ApplicationScoped
public class OpenCases {

    private final Generations generations;

    public OpenCases(Generations generations) {
        this.generations = generations;
    }

    /** The cases first assigned in the period and still open ({@link CaseRules#OPEN}), by department and deadline. */
    public Uni<List<AnnualReport.OpenCase>> firstAssignedBetween(LocalDate from, LocalDate to) {
        return generations.read((c, generation) -> c.preparedQuery("SELECT id, case_number, department, "
                + "responsible_leader, first_assigned_on, deadline, status FROM rm_case WHERE generation = $1 AND "
                + CaseRules.openSql("status") + " AND first_assigned_on BETWEEN $2 AND $3 ORDER BY deadline, case_number")
                .execute(Tuple.of(generation, from, to))
                .map(rows -> {
                    List<AnnualReport.OpenCase> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new AnnualReport.OpenCase(r.getUUID("id"), r.getString("case_number"),
                                Department.valueOf(r.getString("department")), r.getString("responsible_leader"),
                                r.getLocalDate("first_assigned_on"), r.getLocalDate("deadline"),
                                CaseStatus.valueOf(r.getString("status"))));
                    }
                    list.sort(Comparator.comparing(AnnualReport.OpenCase::department)); // stable: by deadline within
                    return list;
                }));
    }
}
