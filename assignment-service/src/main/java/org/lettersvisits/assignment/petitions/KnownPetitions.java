package org.lettersvisits.assignment.petitions;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What assignment needs to know of petitions (case number, subject, whether it involves law and
 * litigation), kept from {@code petition-events}, each event applied once. No personal data: the
 * public event carries none.
 */
@ApplicationScoped
public class KnownPetitions implements Subscription {

    /** A petition as assignment sees it. */
    public record KnownPetition(UUID id, String caseNumber, String subject, boolean involvesLawAndLitigation) {
    }

    @Inject
    InboundEvents inbound;

    @Incoming(Topics.PETITION_EVENTS_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Override
    public String name() {
        return "known-petitions";
    }

    @Override
    public Uni<Void> apply(SqlClient tx, InboundEvent event) {
        return event.event() instanceof PetitionRegistered registered ? remember(tx, registered)
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> remember(SqlClient tx, PetitionRegistered p) {
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
