package org.lettersvisits.petition.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.petition.privacy.Masking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of {@code petition_view} and the timeline. */
@ApplicationScoped
public class PetitionQueries {

    /** A page of petitions and how many match in all. */
    public record Page(List<PetitionSummary> items, long total) {
    }

    /** A timeline line: what happened, when, and who did it. */
    public record TimelineEntry(String type, java.time.OffsetDateTime at, String actor, String detail,
            java.util.Map<String, Object> facts) {
    }

    private static final String FILTER = """
            WHERE ($1::text IS NULL OR subject ILIKE $1 ESCAPE '\\' OR petitioner_name ILIKE $1 ESCAPE '\\'
                   OR case_number = $4)
              AND ($2::text IS NULL OR id_number = $2)
              AND ($3::text IS NULL OR status = $3)""";

    @Inject
    Pool pool;

    public Uni<Page> search(String text, String idNumber, String status, int page, int size) {
        String pattern = text == null || text.isBlank() ? null : "%" + escapeLike(text.trim()) + "%";
        String caseNumber = pattern == null ? null : asCaseNumber(text);
        Tuple filter = Tuple.of(pattern, blankToNull(idNumber), status, caseNumber);
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS total FROM petition_view " + FILTER)
                .execute(filter).map(rows -> rows.iterator().next().getLong("total"));
        Uni<List<PetitionSummary>> items = pool.preparedQuery("SELECT * FROM petition_view " + FILTER
                + " ORDER BY received_on DESC, case_number DESC LIMIT $5 OFFSET $6")
                .execute(Tuple.of(pattern, blankToNull(idNumber), status, caseNumber).addInteger(size)
                        .addLong((long) page * size))
                .map(rows -> {
                    List<PetitionSummary> list = new ArrayList<>();
                    rows.forEach(row -> list.add(summary(row)));
                    return list;
                });
        return Uni.combine().all().unis(items, total).asTuple().map(t -> new Page(t.getItem1(), t.getItem2()));
    }

    /**
     * The case number a search text names, exactly: {@code XF-2026-00042}, also typed without the prefix
     * ({@code 2026-00042}) or in lower case.
     */
    static String asCaseNumber(String text) {
        String number = text.trim().toUpperCase(java.util.Locale.ROOT);
        return number.startsWith("XF-") ? number : "XF-" + number;
    }

    public Uni<Optional<PetitionSummary>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM petition_view WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(summary(rows.iterator().next())));
    }

    public Uni<List<TimelineEntry>> timeline(UUID petitionId) {
        return pool.preparedQuery("SELECT type, at, actor, detail, facts FROM timeline_entry WHERE petition_id = $1 ORDER BY at, type")
                .execute(Tuple.of(petitionId))
                .map(rows -> {
                    List<TimelineEntry> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new TimelineEntry(row.getString("type"), row.getOffsetDateTime("at"),
                            row.getString("actor"), row.getString("detail"),
                            row.getJsonObject("facts") == null ? java.util.Map.of() : row.getJsonObject("facts").getMap())));
                    return list;
                });
    }

    private static PetitionSummary summary(Row row) {
        return new PetitionSummary(row.getUUID("id"), row.getString("case_number"), row.getString("channel"),
                row.getLocalDate("received_on"), row.getBoolean("joint_visit_day"), row.getString("petitioner_name"),
                Masking.idNumber(row.getString("id_number")), row.getBoolean("petitioner_erased"), row.getString("subject"),
                row.getBoolean("involves_law_and_litigation"),
                row.getString("status"), row.getString("department"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
