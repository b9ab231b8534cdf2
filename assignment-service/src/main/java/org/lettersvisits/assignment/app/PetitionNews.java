package org.lettersvisits.assignment.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lettersvisits.assignment.domain.CaseCommand;
import org.lettersvisits.assignment.domain.CaseCommand.ErasePersonalData;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.assignment.petitions.KnownPetitions;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.contracts.petition.PetitionEvent;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.contracts.petition.RepeatVisitRecorded;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.messaging.InboundEvent;
import org.lettersvisits.messaging.InboundEvents;
import org.lettersvisits.messaging.Subscription;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * What assignment hears of petitions, from {@code petition-events}, each event applied once: a registration is
 * remembered ({@link KnownPetitions}); an erasure blanks the petition's subject and, if it has a case, records on the
 * case that its petitioner was erased ({@code CasePersonalDataErased}), so the case shows none of their free text and
 * the other services scrub theirs, and deletes the bytes of the case's files (already unreadable without the key).
 */
@ApplicationScoped
public class PetitionNews implements Subscription {

    private static final Uni<Void> NOTHING = Uni.createFrom().voidItem();

    private final InboundEvents inbound;
    private final KnownPetitions petitions;
    private final CaseDesk desk;
    private final EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases;
    private final CaseAttachments attachments;

    PetitionNews(InboundEvents inbound, KnownPetitions petitions, CaseDesk desk,
            EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases, CaseAttachments attachments) {
        this.inbound = inbound;
        this.petitions = petitions;
        this.desk = desk;
        this.cases = cases;
        this.attachments = attachments;
    }

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
        if (!(event.event() instanceof PetitionEvent petition)) {
            return NOTHING;
        }
        return petition.accept(new PetitionEvent.Visitor<Uni<Void>>() {
            @Override
            public Uni<Void> petitionRegistered(PetitionRegistered registered) {
                return petitions.remember(tx, registered);
            }

            @Override
            public Uni<Void> repeatVisitRecorded(RepeatVisitRecorded visit) {
                return NOTHING;
            }

            @Override
            public Uni<Void> personalDataErased(PersonalDataErased erased) {
                return petitions.forget(tx, erased.petitionId())
                        .chain(() -> cases.load(tx, erased.petitionId()))
                        .chain(theCase -> !theCase.state().exists() ? NOTHING
                                : desk.executeIn(tx, erased.petitionId(), new ErasePersonalData(), event.asCause())
                                        .chain(() -> attachments.erase(tx, erased.petitionId())));
            }
        });
    }
}
