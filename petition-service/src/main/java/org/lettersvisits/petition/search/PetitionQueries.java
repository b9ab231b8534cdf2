package org.lettersvisits.petition.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.petition.privacy.Masking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads of {@code petition_view} and the timeline. The search is SQL, not HQL: it ranks by pg_trgm similarity and
 * says why each row matched, which the database computes in the same statement.
 */
@ApplicationScoped
public class PetitionQueries {

    /**
     * A page of petitions and how many match in all; {@code next} is the cursor of the following page of an unranked
     * list (null on its last page, and for a ranked search, which pages by number).
     */
    public record Page(List<PetitionSummary> items, long total, String next) {
    }

    /** A timeline line: what happened, when, and who did it. */
    public record TimelineEntry(String type, java.time.OffsetDateTime at, String actor, String detail,
            Map<String, Object> facts) {
    }

    /**
     * Why a row matched a search text, as codes the pages translate: the case number; the name or the subject
     * containing the text, or only like it (trigram similarity: a name misspelt, written in other characters).
     */
    private static final String MATCHED_ON = """
            array_remove(ARRAY[
                CASE WHEN case_number = {number} THEN 'CASE_NUMBER' END,
                CASE WHEN petitioner_name ILIKE {pattern} ESCAPE '\\' THEN 'NAME'
                     WHEN petitioner_name % {text} THEN 'NAME_SIMILAR' END,
                CASE WHEN subject ILIKE {pattern} ESCAPE '\\' THEN 'SUBJECT'
                     WHEN {text} <% subject THEN 'SUBJECT_SIMILAR' END], NULL)""";

    /** The rank of a match: the case number first, the whole name, part of it, the subject; similarity breaks ties. */
    private static final String RANK = """
            (CASE WHEN case_number = {number} THEN 8 ELSE 0 END
             + CASE WHEN petitioner_name = {text} THEN 4 WHEN petitioner_name ILIKE {pattern} ESCAPE '\\' THEN 2 ELSE 0 END
             + CASE WHEN subject ILIKE {pattern} ESCAPE '\\' THEN 1 ELSE 0 END
             + coalesce(similarity(petitioner_name, {text}), 0) + word_similarity({text}, subject))""";

    /** A text matches the case number exactly, or the name or subject containing it or like it (trigram indexes). */
    private static final String TEXT_MATCHES = """
            (case_number = {number} OR petitioner_name ILIKE {pattern} ESCAPE '\\' OR subject ILIKE {pattern} ESCAPE '\\'
             OR petitioner_name % {text} OR {text} <% subject)""";

    private final Pool pool;

    PetitionQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Petitions matching {@code filter}: with a text, ranked by how well they match and paged by number; without,
     * newest first, paged by number or (deep pages) by keyset after {@code after}.
     */
    public Uni<Page> search(PetitionFilter filter, int page, int size, PetitionCursor after) {
        Sql where = where(filter);
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS total FROM petition_view" + where.text())
                .execute(where.params()).map(rows -> rows.iterator().next().getLong("total"));
        Sql select = where.copy();
        StringBuilder sql = new StringBuilder("SELECT *, ");
        if (filter.ranked()) {
            sql.append(select.fill(MATCHED_ON, filter)).append(" AS matched_on FROM petition_view").append(select.text())
                    .append(" ORDER BY ").append(select.fill(RANK, filter)).append(" DESC, received_on DESC, case_number DESC");
        } else {
            if (after != null) {
                select.and("(received_on, case_number) < (" + select.param(after.receivedOn()) + ", "
                        + select.param(after.caseNumber()) + ")");
            }
            sql.append("NULL::text[] AS matched_on FROM petition_view").append(select.text())
                    .append(" ORDER BY received_on DESC, case_number DESC");
        }
        // one row more than the page tells whether another page follows
        sql.append(" LIMIT ").append(select.param(size + 1));
        if (after == null) {
            sql.append(" OFFSET ").append(select.param((long) page * size));
        }
        Uni<List<PetitionSummary>> items = pool.preparedQuery(sql.toString()).execute(select.params())
                .map(rows -> {
                    List<PetitionSummary> list = new ArrayList<>();
                    rows.forEach(row -> list.add(summary(row)));
                    return list;
                });
        return Uni.combine().all().unis(items, total).asTuple().map(t -> {
            List<PetitionSummary> found = t.getItem1();
            boolean more = found.size() > size;
            List<PetitionSummary> shown = more ? found.subList(0, size) : found;
            String next = more && !filter.ranked() ? PetitionCursor.after(shown.get(size - 1)).encoded() : null;
            return new Page(List.copyOf(shown), t.getItem2(), next);
        });
    }

    private static Sql where(PetitionFilter filter) {
        Sql sql = new Sql();
        if (filter.ranked()) {
            sql.and(sql.fill(TEXT_MATCHES, filter));
        }
        if (filter.idNumber() != null) {
            sql.and("id_number = " + sql.param(filter.idNumber()));
        }
        if (filter.status() != null) {
            sql.and("status = " + sql.param(filter.status()));
        }
        if (filter.town() != null) {
            sql.and("town = " + sql.param(filter.town()));
        }
        if (filter.department() != null) {
            sql.and("department = " + sql.param(filter.department()));
        }
        if (filter.receivedFrom() != null) {
            sql.and("received_on >= " + sql.param(filter.receivedFrom()));
        }
        if (filter.receivedTo() != null) {
            sql.and("received_on <= " + sql.param(filter.receivedTo()));
        }
        if (filter.noticeLateIfReceivedBy() != null) {
            sql.and("acceptance_notice_sent_on IS NULL AND received_on <= " + sql.param(filter.noticeLateIfReceivedBy()));
        }
        return sql;
    }

    /** A WHERE clause of the parts a filter has, with numbered parameters; only present parts reach the planner. */
    private static final class Sql {
        private final StringBuilder where = new StringBuilder();
        private final List<Object> params = new ArrayList<>();
        private final Map<String, String> named = new HashMap<>();

        String param(Object value) {
            params.add(value);
            return "$" + params.size();
        }

        /** The template with {text}, {pattern} and {number} as parameters, each bound once per statement. */
        String fill(String template, PetitionFilter filter) {
            return template.replace("{text}", named("text", filter.text()))
                    .replace("{pattern}", named("pattern", filter.pattern()))
                    .replace("{number}", named("number", filter.caseNumber()));
        }

        private String named(String name, String value) {
            return named.computeIfAbsent(name, n -> param(value) + "::text");
        }

        void and(String condition) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
        }

        String text() {
            return where.toString();
        }

        Tuple params() {
            return Tuple.from(new ArrayList<>(params));
        }

        Sql copy() {
            Sql copy = new Sql();
            copy.where.append(where);
            copy.params.addAll(params);
            copy.named.putAll(named);
            return copy;
        }
    }

    public Uni<Optional<PetitionSummary>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM petition_view WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
    }

    /** The petitions among {@code ids} that exist, in no particular order. */
    public Uni<List<PetitionSummary>> find(Collection<UUID> ids) {
        return pool.preparedQuery("SELECT * FROM petition_view WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<PetitionSummary> found = new ArrayList<>();
                    rows.forEach(row -> found.add(summary(row)));
                    return found;
                });
    }

    public Uni<List<TimelineEntry>> timeline(UUID petitionId) {
        return pool.preparedQuery("SELECT type, at, actor, detail, facts FROM timeline_entry WHERE petition_id = $1 ORDER BY at, type")
                .execute(Tuple.of(petitionId))
                .map(rows -> {
                    List<TimelineEntry> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new TimelineEntry(row.getString("type"), row.getOffsetDateTime("at"),
                            row.getString("actor"), row.getString("detail"),
                            row.getJsonObject("facts") == null ? Map.of() : row.getJsonObject("facts").getMap())));
                    return list;
                });
    }

    private static List<String> matchedOn(Row row) {
        int column = row.getColumnIndex("matched_on");
        if (column < 0 || row.getValue(column) == null) {
            return List.of();
        }
        return List.of(row.getArrayOfStrings(column));
    }

    private static PetitionSummary summary(Row row) {
        return new PetitionSummary(row.getUUID("id"), row.getString("case_number"), row.getString("channel"),
                row.getLocalDate("received_on"), row.getBoolean("joint_visit_day"), row.getString("petitioner_name"),
                Masking.idNumber(row.getString("id_number")), row.getBoolean("petitioner_erased"), row.getString("subject"),
                row.getBoolean("involves_law_and_litigation"),
                row.getString("status"), row.getString("department"), row.getString("town"), matchedOn(row));
    }
}
