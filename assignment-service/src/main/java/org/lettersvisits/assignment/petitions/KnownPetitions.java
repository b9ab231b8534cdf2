package org.lettersvisits.assignment.petitions;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.petition.PetitionRegistered;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What assignment needs to know of petitions (case number, subject, whether it involves law and
 * litigation), kept from {@code petition-events} (see {@code app.PetitionNews}). The subject is free text about the
 * person: an erasure blanks it here and on the petition's case.
 */
@ApplicationScoped
public class KnownPetitions {

    /** A petition as assignment sees it. */
    public record KnownPetition(UUID id, String caseNumber, String subject, boolean involvesLawAndLitigation) {
    }

    /** The petition's subject is free text about the person: gone from the petition and its case, the rest stays. */
    public Uni<Void> forget(SqlClient tx, UUID petitionId) {
        return tx.preparedQuery("UPDATE known_petition SET subject = '' WHERE id = $1").execute(Tuple.of(petitionId))
                .chain(() -> tx.preparedQuery("UPDATE case_view SET subject = '' WHERE petition_id = $1")
                        .execute(Tuple.of(petitionId)))
                .replaceWithVoid();
    }

    public Uni<Void> remember(SqlClient tx, PetitionRegistered p) {
        return tx.preparedQuery("""
                INSERT INTO known_petition (id, case_number, subject, involves_law_and_litigation, received_on)
                VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING""")
                .execute(Tuple.of(p.petitionId(), p.caseNumber(), p.subject(), p.involvesLawAndLitigation(), p.receivedOn()))
                .replaceWithVoid();
    }

    public Uni<Optional<KnownPetition>> find(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT * FROM known_petition WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next())
                        .map(row -> new KnownPetition(row.getUUID("id"), row.getString("case_number"),
                                row.getString("subject"), row.getBoolean("involves_law_and_litigation"))));
    }
}
