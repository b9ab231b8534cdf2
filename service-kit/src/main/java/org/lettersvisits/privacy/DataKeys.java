package org.lettersvisits.privacy;

import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Where a service finds the data key of the person a petition is about: petition-service in its own
 * {@code petitioner_key} table, the others in what petition-service shares ({@link SharedDataKeys}).
 */
public interface DataKeys {

    /**
     * The data key of {@code petitionId}'s person: present while it exists, empty once the person was erased. Fails
     * with {@link NoDataKey} (transient) when the key is not known yet.
     *
     * @param client the caller's connection or transaction, for a service that keeps its keys in its database
     */
    Uni<Optional<SecretKey>> keyOf(SqlClient client, UUID petitionId);
}
