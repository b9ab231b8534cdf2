package org.lettersvisits.petition.erasure;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventSourcedRepository.Outcome;
import org.lettersvisits.eventstore.StoredEvent;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionCommand.ErasePetitioner;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.privacy.DataKeySharing;
import org.lettersvisits.petition.privacy.PetitionerKeys;
import org.lettersvisits.petition.registering.IdempotentRegistrations;
import org.lettersvisits.petition.search.PetitionProjection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Erases a petitioner's personal data (PIPL): deletes their data key, records {@code PetitionerErased}, clears
 * the search view and the Idempotency-Key record of the registration, and appends the erasure to the
 * {@link ErasureLedger}, in one transaction. {@link #reapply} does the same again for an erasure the ledger holds and
 * a restored database does not.
 */
@ApplicationScoped
public class PetitionerErasure {

    private final Pool pool;
    private final EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions;
    private final PetitionerKeys keys;
    private final IdempotentRegistrations idempotency;
    private final PetitionProjection projection;
    private final ErasureLedger ledger;
    private final DataKeySharing sharing;

    PetitionerErasure(Pool pool, EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions,
            PetitionerKeys keys, IdempotentRegistrations idempotency, PetitionProjection projection, ErasureLedger ledger,
            DataKeySharing sharing) {
        this.pool = pool;
        this.petitions = petitions;
        this.keys = keys;
        this.idempotency = idempotency;
        this.projection = projection;
        this.ledger = ledger;
        this.sharing = sharing;
    }

    public Uni<Outcome<PetitionEvent, Petition>> erase(UUID petitionId, String reason, LegalGround ground, String actor) {
        return CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> erase(tx, petitionId, reason,
                EventMetadata.ofRequest(actor))
                .call(outcome -> {
                    StoredEvent<PetitionEvent> erased = outcome.recorded().get(0);
                    return ledger.append(tx, new ErasureLedger.Entry(petitionId, erased.eventId(), actor,
                            erased.recordedAt().toInstant(), ground));
                })));
    }

    /**
     * Applies the ledger's {@code entry} again if the petitioner's data key is still there (the database was restored
     * from a backup older than the erasure): records {@code PetitionerErased} unless the petition has it, clears the
     * search view and deletes the key; not appended to the ledger again.
     *
     * @return whether there was anything to apply again
     */
    public Uni<Boolean> reapply(ErasureLedger.Entry entry) {
        UUID petitionId = entry.petitionId();
        String reason = "applied again from the erasure ledger after a restore: erased by " + entry.erasedBy() + " at "
                + entry.erasedAt() + " on the ground " + entry.legalGround();
        return CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> tx.preparedQuery(
                "SELECT 1 FROM petitioner_key WHERE petition_id = $1 FOR UPDATE").execute(Tuple.of(petitionId))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : petitions.load(tx, petitionId).chain(petition -> petition.state().exists()
                                && !petition.state().petitionerErased()
                                        ? erase(tx, petitionId, reason, EventMetadata.ofSystem("erasure-ledger")).replaceWithVoid()
                                        : keys.erase(tx, petitionId).call(() -> sharing.withdraw(tx, petitionId)))
                                .replaceWith(true))));
    }

    private Uni<Outcome<PetitionEvent, Petition>> erase(SqlClient tx, UUID petitionId, String reason, EventMetadata metadata) {
        return petitions.handle(tx, petitionId, new ErasePetitioner(reason), null, metadata)
                .call(() -> keys.erase(tx, petitionId))
                .call(() -> sharing.withdraw(tx, petitionId))
                .call(() -> idempotency.forget(tx, petitionId))
                .call(outcome -> projection.apply(tx, outcome.recorded()));
    }
}
