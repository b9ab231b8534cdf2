package org.lettersvisits.petition.search;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lets a petition follow its case: from {@code assignment-events}, its status and department in
 * {@code petition_view} (by the rule each case event states, and only from an event newer than the
 * case version the view holds), and a timeline line per case event. Each event is applied once.
 */
@ApplicationScoped
public class CaseProgress implements Subscription {

    private final InboundEvents inbound;
    private final PetitionTimeline timeline;

    CaseProgress(InboundEvents inbound, PetitionTimeline timeline) {
        this.inbound = inbound;
        this.timeline = timeline;
    }

    @Incoming(Topics.ASSIGNMENT_EVENTS_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Override
    public String name() {
        return "case-progress";
    }

    @Override
    public Uni<Void> apply(SqlClient tx, InboundEvent event) {
        return event.event() instanceof CaseEvent caseEvent
                ? follow(tx, caseEvent, event.version()).chain(() -> timeline.add(tx, event, caseEvent))
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> follow(SqlClient tx, CaseEvent event, Integer version) {
        return tx.preparedQuery("""
                UPDATE petition_view SET status = COALESCE($2, status), department = COALESCE($3, department),
                    case_version = COALESCE($4, case_version)
                WHERE id = $1 AND ($4::int IS NULL OR case_version IS NULL OR case_version < $4::int)""")
                .execute(Tuple.from(Arrays.asList(event.caseId(), event.newStatus().map(Enum::name).orElse(null),
                        event.newHolder().map(Enum::name).orElse(null), version)))
                .replaceWithVoid();
    }
}
