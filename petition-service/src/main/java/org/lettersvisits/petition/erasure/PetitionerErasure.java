package org.lettersvisits.petition.erasure;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.eventstore.CommandRetries;
import org.lettersvisits.eventstore.EventMetadata;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.eventstore.EventSourcedRepository.Outcome;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionCommand.ErasePetitioner;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.privacy.PetitionerKeys;
import org.lettersvisits.petition.registering.IdempotentRegistrations;
import org.lettersvisits.petition.search.PetitionProjection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Erases a petitioner's personal data (PIPL): deletes their data key, records {@code PetitionerErased}, and clears
 * the search view and the Idempotency-Key record of the registration, in one transaction.
 */
@ApplicationScoped
public class PetitionerErasure {

    private final Pool pool;
    private final EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions;
    private final PetitionerKeys keys;
    private final IdempotentRegistrations idempotency;
    private final PetitionProjection projection;

    PetitionerErasure(Pool pool, EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions,
            PetitionerKeys keys, IdempotentRegistrations idempotency, PetitionProjection projection) {
        this.pool = pool;
        this.petitions = petitions;
        this.keys = keys;
        this.idempotency = idempotency;
        this.projection = projection;
    }

    public Uni<Outcome<PetitionEvent, Petition>> erase(UUID petitionId, String reason, String actor) {
        return CommandRetries.runAgainOnLostRace(null, () -> pool.withTransaction(tx -> petitions.handle(tx, petitionId,
                new ErasePetitioner(reason), null, EventMetadata.ofRequest(actor))
                .call(() -> keys.erase(tx, petitionId))
                .call(() -> idempotency.forget(tx, petitionId))
                .call(outcome -> projection.apply(tx, outcome.recorded()))));
    }
}
