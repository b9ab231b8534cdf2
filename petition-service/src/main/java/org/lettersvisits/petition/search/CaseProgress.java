package org.lettersvisits.petition.search;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseResumed;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.eventstore.InboundEvents;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Lets a petition follow its case: from {@code assignment-events}, its status and department in
 * {@code petition_view}, and a timeline line per case event. Each event is applied once.
 */
@ApplicationScoped
public class CaseProgress {

    @Inject
    InboundEvents inbound;

    @Inject
    PetitionTimeline timeline;

    @Incoming("assignment-events")
    public Uni<Void> consume(Message<String> message) {
        return inbound.handle(message, (tx, event) -> event.event() instanceof CaseEvent caseEvent
                ? follow(tx, caseEvent).chain(() -> timeline.add(tx, event, caseEvent.caseId()))
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> follow(SqlClient tx, CaseEvent event) {
        if (event instanceof CaseAssigned e) {
            return update(tx, e.caseId(), "ASSIGNED", e.department().name());
        }
        if (event instanceof CaseTransferred e) {
            return update(tx, e.caseId(), "ASSIGNED", e.toDepartment().name());
        }
        if (event instanceof CaseAccepted || event instanceof CaseResumed || event instanceof CaseReopened) {
            return update(tx, event.caseId(), "ACCEPTED", null);
        }
        if (event instanceof CaseClosed) {
            return update(tx, event.caseId(), "CLOSED", null);
        }
        if (event instanceof CaseSuspended) {
            return update(tx, event.caseId(), "SUSPENDED", null);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> update(SqlClient tx, UUID petitionId, String status, String department) {
        return tx.preparedQuery("UPDATE petition_view SET status = $2, department = COALESCE($3, department) WHERE id = $1")
                .execute(Tuple.of(petitionId, status, department))
                .replaceWithVoid();
    }
}
