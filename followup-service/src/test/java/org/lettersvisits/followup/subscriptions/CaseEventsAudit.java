package org.lettersvisits.followup.subscriptions;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * A second subscription on assignment-events, as a later version of followup-service might add (a
 * reminder, an audit): only in {@link SecondSubscriptionTest}'s build. It notes every event it applies.
 */
@ApplicationScoped
@IfBuildProperty(name = "test.second-subscription", stringValue = "true")
public class CaseEventsAudit implements Subscription {

    public static final Set<UUID> APPLIED = ConcurrentHashMap.newKeySet();

    @Inject
    InboundEvents inbound;

    @Incoming("case-audit")
    public Uni<Void> consume(Message<String> message) {
        return inbound.handle(message, this);
    }

    @Override
    public String name() {
        return "case-audit";
    }

    @Override
    public Uni<Void> apply(SqlClient transaction, InboundEvent event) {
        APPLIED.add(event.eventId());
        return Uni.createFrom().voidItem();
    }
}
