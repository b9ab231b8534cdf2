package org.lettersvisits.assignment.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.observability.GaugeRefresh;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What leaders watch, as metrics: {@code lettersvisits_cases_open{department}} (assigned or accepted),
 * {@code lettersvisits_cases_overdue{department}} (open, deadline before today) and
 * {@code lettersvisits_days_to_year_end_deadline} (days left to the difficult cases' deadline, 15 December;
 * negative once past). Read from the case view every 10 seconds.
 */
@Startup
@ApplicationScoped
public class CaseMetrics {

    private final Map<Department, AtomicLong> open = new EnumMap<>(Department.class);
    private final Map<Department, AtomicLong> overdue = new EnumMap<>(Department.class);
    private final MeterRegistry registry;
    private final GaugeRefresh refreshes;
    private final Pool pool;
    private final Clock clock;
    private final String difficultBy;

    CaseMetrics(MeterRegistry registry, GaugeRefresh refreshes, Pool pool, Clock clock,
            @ConfigProperty(name = "assignment.deadline.difficult-by", defaultValue = "12-15") String difficultBy) {
        this.registry = registry;
        this.refreshes = refreshes;
        this.pool = pool;
        this.clock = clock;
        this.difficultBy = difficultBy;
    }

    @PostConstruct
    void register() {
        for (Department department : Department.values()) {
            open.put(department, refreshes.gauge("lettersvisits.cases.open",
                    "Cases assigned or accepted, not closed or suspended", null, "department", department.name()));
            overdue.put(department, refreshes.gauge("lettersvisits.cases.overdue", "Open cases past their deadline", null,
                    "department", department.name()));
        }
        Gauge.builder("lettersvisits.days.to.year.end.deadline", this, CaseMetrics::daysToYearEndDeadline)
                .description("Days left to the difficult cases' deadline of this year").register(registry);
        refreshes.periodically("the case metrics", this::refresh);
    }

    double daysToYearEndDeadline() {
        LocalDate today = LocalDate.now(clock);
        return ChronoUnit.DAYS.between(today, MonthDay.parse("--" + difficultBy).atYear(today.getYear()));
    }

    public Uni<Void> refresh() {
        return pool.preparedQuery("SELECT department, count(*) FILTER (WHERE " + CaseRules.openSql("status") + ") AS open, "
                + "count(*) FILTER (WHERE " + CaseRules.overdueSql("status", "deadline", "$1") + ") AS overdue "
                + "FROM case_view GROUP BY department")
                .execute(Tuple.of(LocalDate.now(clock)))
                .invoke(rows -> {
                    open.values().forEach(count -> count.set(0));
                    overdue.values().forEach(count -> count.set(0));
                    rows.forEach(row -> {
                        Department department = Department.valueOf(row.getString("department"));
                        open.get(department).set(row.getLong("open"));
                        overdue.get(department).set(row.getLong("overdue"));
                    });
                })
                .replaceWithVoid();
    }
}
