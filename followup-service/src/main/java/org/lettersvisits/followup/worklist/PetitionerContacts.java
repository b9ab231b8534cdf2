package org.lettersvisits.followup.worklist;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;

import org.jboss.logging.Logger;
import org.lettersvisits.followup.worklist.ReturnVisitQueries.Page;
import org.lettersvisits.followup.worklist.ReturnVisitQueries.Petitioner;
import org.lettersvisits.petitioners.PetitionRecords;
import org.lettersvisits.petitioners.PetitionRecords.Contact;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * Whom to call for each visit on a worklist page. followup-service keeps no petitioner: petition-service alone knows
 * them, and shows them to the user at hand by its own rules, logging every showing ({@link PetitionRecords}, with the
 * user's token). One call per page, never per visit. The worklist is for working from, so it answers without the
 * petitioners when petition-service cannot: unreachable (or without the call, as a version before it) marks the page
 * {@code petitionersUnavailable}; a refusal of the whole call leaves them out as well and is logged, as it says the
 * user's roles and petition-service's rules disagree.
 */
@ApplicationScoped
public class PetitionerContacts {

    private static final Logger LOG = Logger.getLogger(PetitionerContacts.class);

    private final PetitionRecords records;

    PetitionerContacts(PetitionRecords records) {
        this.records = records;
    }

    /** The page with each visit's petitioner as petition-service shows them (null where it shows none). */
    public Uni<Page> addTo(Page page) {
        return withContacts(page, records::contacts);
    }

    /** {@link #addTo} asking {@code contacts} (a function so one class can be tested without petition-service). */
    static Uni<Page> withContacts(Page page, Function<Collection<UUID>, Uni<Map<UUID, Contact>>> contacts) {
        List<UUID> petitions = page.items().stream().map(ReturnVisitQueries.WorklistItem::petitionId)
                .filter(Objects::nonNull).distinct().toList();
        if (petitions.isEmpty()) {
            return Uni.createFrom().item(page);
        }
        return Uni.createFrom().deferred(() -> contacts.apply(petitions))
                .map(shown -> new Page(page.items().stream()
                        .map(item -> item.withPetitioner(item.petitionId() == null ? null
                                : petitioner(shown.get(item.petitionId()))))
                        .toList(),
                        page.total(), false))
                .onFailure(ForbiddenException.class).recoverWithItem(refused -> {
                    LOG.warnf("petition-service refused to show the worklist's petitioners: %s", refused.getMessage());
                    return page;
                })
                .onFailure(failure -> failure instanceof PetitionRecords.Unavailable || failure instanceof NotFoundException)
                .recoverWithItem(failure -> {
                    LOG.warnf("the worklist goes without its petitioners: %s", failure.getMessage());
                    return new Page(page.items(), page.total(), true);
                });
    }

    private static Petitioner petitioner(Contact contact) {
        return contact == null ? null : new Petitioner(contact.name(), contact.phone(), contact.erased());
    }

    /**
     * The petitioner's phone number whole, for the officer about to call; petition-service logs the reveal. 503 when it
     * cannot answer, its own 403 or 404 passed on.
     */
    public Uni<String> revealPhone(UUID petitionId) {
        return records.reveal(petitionId)
                .map(answer -> {
                    JsonNode phone = answer.path("phone");
                    return phone.isTextual() ? phone.asText() : null;
                })
                .onFailure(PetitionRecords.Unavailable.class).transform(failure -> {
                    LOG.warnf("a phone number could not be revealed: %s", failure.getMessage());
                    return new ServiceUnavailableException("petition-service cannot show the phone number now; "
                            + "try again shortly");
                });
    }
}
