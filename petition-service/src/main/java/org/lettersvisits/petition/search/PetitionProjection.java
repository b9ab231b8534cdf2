package org.lettersvisits.petition.search;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.eventstore.StoredEvent;
import org.lettersvisits.petition.domain.AcceptanceNoticeSent;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.PetitionRegistered;
import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.domain.PetitionerErased;
import org.lettersvisits.petition.domain.RepeatVisitRecorded;
import org.lettersvisits.petition.privacy.Petitioners;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps {@code petition_view} and the timeline in step with the petition's own events, in the
 * same transaction that records them.
 */
@ApplicationScoped
public class PetitionProjection {

    private final PetitionTimeline timeline;
    private final Petitioners petitioners;

    PetitionProjection(PetitionTimeline timeline, Petitioners petitioners) {
        this.timeline = timeline;
        this.petitioners = petitioners;
    }

    public Uni<Void> apply(SqlClient transaction, List<StoredEvent<PetitionEvent>> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoredEvent<PetitionEvent> stored : events) {
            chain = chain.chain(() -> stored.event().accept(new ViewUpdate(transaction, stored)))
                    .chain(() -> timeline.add(transaction, stored));
        }
        return chain;
    }

    /** What one event changes in {@code petition_view}; each sets the version the view holds. */
    private final class ViewUpdate implements PetitionEvent.Visitor<Uni<Void>> {

        private final SqlClient tx;
        private final StoredEvent<PetitionEvent> stored;

        ViewUpdate(SqlClient tx, StoredEvent<PetitionEvent> stored) {
            this.tx = tx;
            this.stored = stored;
        }

        @Override
        public Uni<Void> petitionRegistered(PetitionRegistered r) {
            return petitioners.open(tx, r.petitionId(), r.petitioner()).chain(petitioner -> tx.preparedQuery("""
                    INSERT INTO petition_view (id, case_number, channel, received_on, joint_visit_day, petitioner_name,
                        id_number, subject, involves_law_and_litigation, status, version, registered_at, petitioner_erased, town)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'REGISTERED', $10, $11, $12, $13)""")
                    .execute(Tuple.from(Arrays.asList(r.petitionId(), r.caseNumber(), r.channel().name(), r.receivedOn(),
                            r.jointVisitDay(), petitioner.map(Petitioner::name).orElse(null),
                            petitioner.map(Petitioner::idNumber).orElse(null), r.subject(), r.involvesLawAndLitigation(),
                            stored.version(), stored.recordedAt(), petitioner.isEmpty(),
                            petitioner.map(Petitioner::town).orElse(null))))
                    .replaceWithVoid());
        }

        @Override
        public Uni<Void> repeatVisitRecorded(RepeatVisitRecorded e) {
            return tx.preparedQuery("UPDATE petition_view SET version = $2 WHERE id = $1")
                    .execute(Tuple.of(stored.aggregateId(), stored.version())).replaceWithVoid();
        }

        @Override
        public Uni<Void> petitionerErased(PetitionerErased e) {
            // the person and the free text written by or about them (PersonalTexts) go; the petition and its dates stay
            return tx.preparedQuery("""
                    UPDATE petition_view SET petitioner_name = NULL, id_number = NULL, town = NULL, subject = '',
                        petitioner_erased = true, version = $2 WHERE id = $1""")
                    .execute(Tuple.of(stored.aggregateId(), stored.version()))
                    .chain(() -> tx.preparedQuery("""
                            UPDATE timeline_entry SET facts = facts - $2::text[],
                                detail = CASE WHEN facts IS NULL OR facts ?| $2::text[] THEN NULL ELSE detail END
                            WHERE petition_id = $1""")
                            .execute(Tuple.of(stored.aggregateId(), PersonalTexts.FIELDS.toArray(String[]::new))))
                    .replaceWithVoid();
        }

        @Override
        public Uni<Void> acceptanceNoticeSent(AcceptanceNoticeSent notice) {
            return tx.preparedQuery("UPDATE petition_view SET acceptance_notice_sent_on = $3, version = $2 WHERE id = $1")
                    .execute(Tuple.of(stored.aggregateId(), stored.version(), notice.sentOn())).replaceWithVoid();
        }
    }
}
