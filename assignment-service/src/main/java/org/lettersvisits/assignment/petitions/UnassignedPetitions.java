package org.lettersvisits.assignment.petitions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lettersvisits.problem.Paging;
import org.lettersvisits.web.SearchText;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The assignment board's list: the law-and-litigation petitions this service knows of (from petition-events) that
 * have no case yet, oldest first, so nothing the supervisor must assign drops off the end of a page.
 */
@ApplicationScoped
public class UnassignedPetitions {

    /** A petition waiting for assignment, and how many days it has waited. */
    public record Waiting(UUID petitionId, String caseNumber, String subject, LocalDate receivedOn, long daysWaiting) {
    }

    /** A page of the list and how many petitions wait in all. */
    public record Page(List<Waiting> items, long total) {
    }

    private static final String WAITING = """
            FROM known_petition k
            WHERE k.involves_law_and_litigation AND NOT EXISTS (SELECT 1 FROM case_view c WHERE c.petition_id = k.id)
              AND ($1::text IS NULL OR k.case_number = $2 OR k.subject ILIKE $1 ESCAPE '\\')""";

    @Inject
    Pool pool;

    /** A page of the waiting petitions; {@code text}, when given, finds a case number or words of the subject. */
    public Uni<Page> page(String text, Paging paging, LocalDate today) {
        Uni<List<Waiting>> items = waiting(text, paging.size(), paging.offset(), today);
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS n " + WAITING).execute(search(text))
                .map(rows -> rows.iterator().next().getLong("n"));
        return Uni.combine().all().unis(items, total).asTuple().map(t -> new Page(t.getItem1(), t.getItem2()));
    }

    /** Every waiting petition the text finds, oldest first, at most {@code limit}: for exports. */
    public Uni<List<Waiting>> all(String text, LocalDate today, int limit) {
        return waiting(text, limit, 0, today);
    }

    private Uni<List<Waiting>> waiting(String text, int limit, long offset, LocalDate today) {
        return pool.preparedQuery("SELECT k.id, k.case_number, k.subject, k.received_on " + WAITING
                + " ORDER BY k.received_on, k.case_number, k.id LIMIT $3 OFFSET $4")
                .execute(search(text).addInteger(limit).addLong(offset))
                .map(rows -> {
                    List<Waiting> waiting = new ArrayList<>();
                    rows.forEach(row -> waiting.add(new Waiting(row.getUUID("id"), row.getString("case_number"),
                            row.getString("subject"), row.getLocalDate("received_on"),
                            Math.max(0, ChronoUnit.DAYS.between(row.getLocalDate("received_on"), today)))));
                    return waiting;
                });
    }

    /** $1: the text as a LIKE pattern, $2: the case number it names (also without XF-); both null without a text. */
    private static Tuple search(String text) {
        if (text == null || text.isBlank()) {
            return Tuple.of(null, null);
        }
        return Tuple.of(SearchText.containing(text), SearchText.caseNumber(text));
    }
}
