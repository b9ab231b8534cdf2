package org.lettersvisits.assignment.queue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.problem.Paging;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/**
 * The read side of cases on Hibernate Reactive Panache: one case, a department's queue with its counts, the overdue
 * list, and exports. A Hibernate session runs one statement at a time, so a queue's page and its counts are
 * queried one after the other.
 */
@ApplicationScoped
public class CaseViews implements PanacheRepositoryBase<CaseView, UUID> {

    /** The overdue rule ({@link CaseRules}) over this entity, the open statuses bound as {@code :open}. */
    static final String OVERDUE = CaseRules.overdueCondition("status", "deadline", ":open", ":today");

    /** A page of a queue and its totals: all matching, of them overdue, and the department's cases per status. */
    public record QueuePage(List<CaseView> items, long total, long overdue, Map<CaseStatus, Long> byStatus) {
    }

    @WithSession
    public Uni<Optional<CaseView>> find(UUID id) {
        return findById(id).map(Optional::ofNullable);
    }

    @WithSession
    public Uni<QueuePage> queue(QueueFilter filter, Paging paging, LocalDate today) {
        Map<String, Object> params = params(filter);
        String where = where(filter);
        Map<String, Object> ordered = withToday(params, filter, today);
        return find(where + " order by " + filter.order().hql, ordered).page(Page.of(paging.page(), paging.size())).list()
                .chain(items -> count(where, params)
                        .chain(total -> count(where + " and " + OVERDUE,
                                withOpen(params, today))
                                .chain(overdue -> byStatus(filter)
                                        .map(counts -> new QueuePage(items, total, overdue, counts)))));
    }

    /** Every case the filter matches, in its order, at most {@code limit}: for exports. */
    @WithSession
    public Uni<List<CaseView>> all(QueueFilter filter, LocalDate today, int limit) {
        return find(where(filter) + " order by " + filter.order().hql, withToday(params(filter), filter, today))
                .range(0, limit - 1).list();
    }

    /** The responsible leaders named on a department's cases, for the queue's filter. */
    @WithSession
    public Uni<List<String>> leaders(Department department) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select distinct responsibleLeader from CaseView where department = :department order by 1", String.class)
                .setParameter("department", department).getResultList());
    }

    /** Open cases whose deadline is before {@code today}, most overdue first; of one department, or of all. */
    @WithSession
    public Uni<List<CaseView>> overdue(Optional<Department> department, LocalDate today, int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("open", CaseRules.OPEN, "today", today));
        department.ifPresent(d -> params.put("department", d));
        return find(OVERDUE + (department.isPresent() ? " and department = :department" : "")
                + " order by deadline, caseNumber", params).range(0, limit - 1).list();
    }

    /** The department's cases per status (all of them, whatever the status filter; the leader filter applies). */
    private Uni<Map<CaseStatus, Long>> byStatus(QueueFilter filter) {
        String hql = "select status, count(*) from CaseView where department = :department"
                + (filter.byLeader() ? " and responsibleLeader = :leader" : "") + " group by status";
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class).setParameter("department", filter.department());
            if (filter.byLeader()) {
                query.setParameter("leader", filter.responsibleLeader().trim());
            }
            return query.getResultList();
        }).map(rows -> {
            Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
            for (CaseStatus status : CaseStatus.values()) {
                counts.put(status, 0L);
            }
            rows.forEach(row -> counts.put((CaseStatus) row[0], (Long) row[1]));
            return counts;
        });
    }

    private static String where(QueueFilter filter) {
        StringBuilder where = new StringBuilder("department = :department and status in :statuses");
        if (filter.byLeader()) {
            where.append(" and responsibleLeader = :leader");
        }
        if (filter.searches()) {
            where.append(" and (caseNumber = :caseNumber or lower(subject) like :pattern escape '\\')");
        }
        return where.toString();
    }

    private static Map<String, Object> params(QueueFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("department", filter.department());
        params.put("statuses", filter.statuses());
        if (filter.byLeader()) {
            params.put("leader", filter.responsibleLeader().trim());
        }
        if (filter.searches()) {
            params.put("caseNumber", filter.caseNumber());
            params.put("pattern", filter.subjectPattern());
        }
        return params;
    }

    private static Map<String, Object> withToday(Map<String, Object> params, QueueFilter filter, LocalDate today) {
        return filter.order() == QueueFilter.QueueOrder.OVERDUE ? withOpen(params, today) : params;
    }

    private static Map<String, Object> withOpen(Map<String, Object> params, LocalDate today) {
        Map<String, Object> more = new HashMap<>(params);
        more.put("open", CaseRules.OPEN);
        more.put("today", today);
        return more;
    }
}
