package org.lettersvisits.petition.privacy;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.domain.SealedPetitioner;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Seals a petitioner under a new data key of their own, and opens them again while the key exists. */
@ApplicationScoped
public class Petitioners {

    private final PetitionerKeys keys;

    Petitioners(PetitionerKeys keys) {
        this.keys = keys;
    }

    /** Seals {@code petitioner} of a new petition, its data key stored in {@code transaction}. */
    public Uni<SealedPetitioner> seal(SqlClient transaction, UUID petitionId, Petitioner petitioner) {
        return keys.create(transaction, petitionId).map(key -> PetitionerCipher.seal(petitioner,
                key.orElseThrow(() -> new IllegalStateException("petition " + petitionId + " already has a data key")),
                petitionId));
    }

    /** The petitioner in clear; empty when they were erased (the data key is gone). */
    public Uni<Optional<Petitioner>> open(SqlClient client, UUID petitionId, SealedPetitioner sealed) {
        return keys.find(client, petitionId).map(key -> key.map(k -> PetitionerCipher.open(sealed, k, petitionId)));
    }
}
