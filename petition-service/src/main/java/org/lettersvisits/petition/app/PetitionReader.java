package org.lettersvisits.petition.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.EventSourcedRepository;
import org.lettersvisits.petition.domain.Petition;
import org.lettersvisits.petition.domain.PetitionCommand;
import org.lettersvisits.petition.domain.PetitionEvent;
import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.privacy.Masking;
import org.lettersvisits.petition.privacy.Petitioners;
import org.lettersvisits.petition.search.PetitionQueries;
import org.lettersvisits.petition.search.PetitionQueries.TimelineEntry;
import org.lettersvisits.petition.search.PetitionSummary;
import org.lettersvisits.time.StatutoryLimits;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Reads a petition whole, for a reader already let through: its detail (the petition's events folded, its view row,
 * its timeline), and its petitioner opened from the sealed registration. Who may read, and whether the access is
 * recorded, is the resource's to decide; this only reads.
 */
@ApplicationScoped
public class PetitionReader {

    private final EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions;
    private final PetitionQueries queries;
    private final Petitioners petitioners;
    private final Pool pool;
    private final StatutoryLimits limits;
    private final Clock clock;

    PetitionReader(EventSourcedRepository<PetitionCommand, PetitionEvent, Petition> petitions, PetitionQueries queries,
            Petitioners petitioners, Pool pool, StatutoryLimits limits, Clock clock) {
        this.petitions = petitions;
        this.queries = queries;
        this.petitioners = petitioners;
        this.pool = pool;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The detail of {@code view}'s petition, the petitioner's ID number, phone and address {@code whole} or masked
     * ({@link #masked}); null once erased, and with them the free text written by or about them.
     */
    public Uni<PetitionDetails> details(PetitionSummary view, boolean whole) {
        UUID id = view.id();
        return Uni.combine().all().unis(petitions.load(pool, id), queries.timeline(id)).asTuple()
                .chain(t -> open(t.getItem1()).map(opened -> details(view, t.getItem1(), t.getItem2(),
                        opened.map(p -> whole ? p : masked(p)).orElse(null))));
    }

    /** The petitioner of {@code petitionId} in clear; empty once they were erased. */
    public Uni<Optional<Petitioner>> petitioner(UUID petitionId) {
        return petitions.load(pool, petitionId).chain(this::open);
    }

    /** The petitioner as someone who does not need the numbers and the address whole sees them; the name stays. */
    private static Petitioner masked(Petitioner p) {
        return new Petitioner(p.name(), Masking.idNumber(p.idNumber()), Masking.phone(p.phone()),
                Masking.address(p.address()), p.town());
    }

    private Uni<Optional<Petitioner>> open(Aggregate<PetitionEvent, Petition> petition) {
        return petitioners.open(pool, petition.id(), petition.state().registration().petitioner());
    }

    private PetitionDetails details(PetitionSummary view, Aggregate<PetitionEvent, Petition> petition,
            List<TimelineEntry> timeline, Petitioner petitioner) {
        var registration = petition.state().registration();
        boolean erased = petitioner == null; // and with them the free text written by or about them
        return new PetitionDetails(view.id(), view.caseNumber(), view.channel(), registration.receivedOn(),
                registration.receivedBy(), view.jointVisitDay(), petitioner, erased, registration.headcount(),
                erased ? null : registration.subject(), erased ? null : registration.description(),
                registration.involvesLawAndLitigation(),
                registration.escalatedTo() == null ? null : registration.escalatedTo().name(), view.status(),
                view.department(), erased ? withoutNotes(petition.state().visits()) : petition.state().visits(), timeline,
                PetitionDeadlines.of(registration.receivedOn(), timeline, limits, clock.getZone()), petition.version());
    }

    private static List<Petition.Visit> withoutNotes(List<Petition.Visit> visits) {
        return visits.stream().map(v -> new Petition.Visit(v.receivedOn(), v.receivedBy(), null)).toList();
    }
}
