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
    private final DataKeySharing sharing;

    Petitioners(PetitionerKeys keys, DataKeySharing sharing) {
        this.keys = keys;
        this.sharing = sharing;
    }

    /**
     * Seals {@code petitioner} of a new petition under a new data key, stored in {@code transaction} and shared with the
     * other services in it.
     */
    public Uni<SealedPetitioner> seal(SqlClient transaction, UUID petitionId, Petitioner petitioner) {
        return keys.create(transaction, petitionId).map(key -> key.orElseThrow(
                () -> new IllegalStateException("petition " + petitionId + " already has a data key")))
                .call(key -> sharing.share(transaction, petitionId, key))
                .map(key -> PetitionerCipher.seal(petitioner, key, petitionId));
    }

    /** The petitioner in clear; empty when they were erased (the data key is gone). */
    public Uni<Optional<Petitioner>> open(SqlClient client, UUID petitionId, SealedPetitioner sealed) {
        return keys.find(client, petitionId).map(key -> key.map(k -> PetitionerCipher.open(sealed, k, petitionId)));
    }
}
