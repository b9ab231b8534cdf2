package org.lettersvisits.petition.search;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Shows a petition's return visits and their outcome in its timeline, from {@code followup-events}. */
@ApplicationScoped
public class ReturnVisitProgress implements Subscription {

    private final InboundEvents inbound;
    private final PetitionTimeline timeline;

    ReturnVisitProgress(InboundEvents inbound, PetitionTimeline timeline) {
        this.inbound = inbound;
        this.timeline = timeline;
    }

    @Incoming(Topics.FOLLOWUP_EVENTS_CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.handleBatch(batch, this);
    }

    @Override
    public String name() {
        return "return-visit-progress";
    }

    @Override
    public Uni<Void> apply(SqlClient tx, InboundEvent event) {
        return event.event() instanceof ReturnVisitEvent visit
                ? timeline.add(tx, event, visit)
                : Uni.createFrom().voidItem();
    }
}
