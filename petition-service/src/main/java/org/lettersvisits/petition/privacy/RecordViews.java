package org.lettersvisits.petition.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The access log ({@code record_view}): who was shown petitioners, when and how. Every read of a petition's detail
 * that shows the petitioner unmasked, every search (each page of a list), every export, every receipt, every case
 * file, every reveal of a phone and address and every worklist's contacts is recorded before it is answered, with the
 * petitions it shows and, for a search or an export, the fields it was by, never the text searched for. It holds
 * nothing of a person, so nothing in it is erased; it is only ever inserted into.
 */
@ApplicationScoped
public class RecordViews {

    /**
     * How petitioners were shown. The last three are asked by other services with the user's own token: assignment's
     * case file and followup's return-visit worklist hold no petitioner, so what they show of one is shown here, by
     * this service's rules, and recorded here. The kinds the database allows are listed in the migrations (V13, V21).
     */
    public enum Access {
        /** A petition's detail with the petitioner unmasked. */
        FULL_RECORD(true, false),
        /** A page of a list or a search. */
        SEARCH(false, true),
        /** A file of a search's petitions. */
        EXPORT(false, true),
        /** The visitor's receipt, shown to print or as a PDF. */
        RECEIPT(true, false),
        /** The petition's part of a case file (assignment-service's), the petitioner masked whoever reads it. */
        CASE_FILE(true, false),
        /** A petitioner's phone and address whole, asked for on purpose to call or visit them. */
        REVEAL(true, false),
        /** The names and masked phones of the petitions on a return-visit worklist, one entry for them all. */
        CONTACTS(false, false);

        private final boolean onePetition;
        private final boolean searched;

        Access(boolean onePetition, boolean searched) {
            this.onePetition = onePetition;
            this.searched = searched;
        }

        /** Whether it shows one petition, the entry's {@code petitionId}; the others show a list. */
        public boolean onePetition() {
            return onePetition;
        }

        /** Whether it was by search fields, which {@code searched_by} names (and only for these kinds: V13). */
        public boolean searched() {
            return searched;
        }
    }

    /**
     * One access: its kind, who and when, the fields a search or an export was by (null for the others), the petitions
     * shown, and {@code petitionId}, the one petition of a full record, a receipt, a case file or a reveal (null for
     * lists).
     */
    public record RecordView(Access kind, String viewer, OffsetDateTime viewedAt, List<String> searchedBy,
            List<UUID> petitionIds, UUID petitionId) {
    }

    /** A page of accesses, newest first. */
    public record Page(List<RecordView> items, long total) {
    }

    private final Pool pool;

    RecordViews(Pool pool) {
        this.pool = pool;
    }

    /** Records that {@code viewer} is shown the full record of {@code petitionId} now. */
    public Uni<Void> record(UUID petitionId, String viewer) {
        return insert(Access.FULL_RECORD, viewer, null, List.of(petitionId));
    }

    /** Records that {@code viewer} is shown the receipt of {@code petitionId} now. */
    public Uni<Void> receipt(UUID petitionId, String viewer) {
        return insert(Access.RECEIPT, viewer, null, List.of(petitionId));
    }

    /** Records that {@code viewer} is shown the case file of {@code petitionId} now, the petitioner masked. */
    public Uni<Void> caseFile(UUID petitionId, String viewer) {
        return insert(Access.CASE_FILE, viewer, null, List.of(petitionId));
    }

    /** Records that {@code viewer} is shown the phone and address of the petitioner of {@code petitionId} whole now. */
    public Uni<Void> reveal(UUID petitionId, String viewer) {
        return insert(Access.REVEAL, viewer, null, List.of(petitionId));
    }

    /**
     * Records that {@code viewer} is shown the contacts (name, phone masked) of the petitions {@code shown}, in one
     * entry; nothing when none is shown.
     */
    public Uni<Void> contacts(String viewer, List<UUID> shown) {
        return shown.isEmpty() ? Uni.createFrom().voidItem() : insert(Access.CONTACTS, viewer, null, shown);
    }

    /**
     * Records that {@code viewer} is shown {@code shown} by a search ({@link Access#SEARCH}) or in an export
     * ({@link Access#EXPORT}) by the fields {@code searchedBy} (their names, e.g. {@code idNumber}; never values).
     */
    public Uni<Void> listed(Access kind, String viewer, List<String> searchedBy, List<UUID> shown) {
        if (!kind.searched()) {
            throw new IllegalArgumentException(kind + " is not a search's list");
        }
        return insert(kind, viewer, searchedBy, shown);
    }

    private Uni<Void> insert(Access kind, String viewer, List<String> searchedBy, List<UUID> shown) {
        return pool.preparedQuery("INSERT INTO record_view (kind, viewer, searched_by, petition_ids) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(kind.name(), viewer, searchedBy == null ? null : searchedBy.toArray(String[]::new),
                        shown.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /** The accesses that showed one petition, or every access when {@code petitionId} is null; of one kind, or all. */
    public Uni<Page> read(UUID petitionId, Access kind, int page, int size) {
        return pool.preparedQuery("""
                SELECT kind, viewer, viewed_at, searched_by, petition_ids, count(*) OVER () AS total FROM record_view
                WHERE ($1::uuid IS NULL OR petition_ids @> ARRAY[$1::uuid]) AND ($2::text IS NULL OR kind = $2)
                ORDER BY viewed_at DESC, id DESC LIMIT $3 OFFSET $4""")
                .execute(Tuple.of(petitionId, kind == null ? null : kind.name(), size, (long) page * size))
                .map(rows -> {
                    List<RecordView> items = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        items.add(view(row));
                        total = row.getLong("total");
                    }
                    return new Page(items, total);
                });
    }

    private static RecordView view(Row row) {
        Access kind = Access.valueOf(row.getString("kind"));
        String[] searchedBy = row.getArrayOfStrings("searched_by");
        List<UUID> shown = Arrays.asList(row.getArrayOfUUIDs("petition_ids"));
        return new RecordView(kind, row.getString("viewer"), row.getOffsetDateTime("viewed_at"),
                searchedBy == null ? null : Arrays.asList(searchedBy), shown,
                kind.onePetition() && !shown.isEmpty() ? shown.get(0) : null);
    }
}
