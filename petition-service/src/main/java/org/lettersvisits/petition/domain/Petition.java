package org.lettersvisits.petition.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


/**
 * The state of a petition as its events leave it: what was registered, and every visit about it
 * (the first registration included).
 */
public record Petition(PetitionRegistered registration, List<Visit> visits, boolean petitionerErased,
        AcceptanceNoticeSent acceptanceNotice) {

    /** One time the petitioner came (or wrote, or called) about this matter. */
    public record Visit(LocalDate receivedOn, String receivedBy, String note) {
    }

    public static final Petition NONE = new Petition(null, List.of(), false, null);

    public boolean exists() {
        return registration != null;
    }

    public UUID id() {
        return registration.petitionId();
    }

    Petition withVisit(Visit visit) {
        List<Visit> all = new ArrayList<>(visits);
        all.add(visit);
        return new Petition(registration, List.copyOf(all), petitionerErased, acceptanceNotice);
    }

    Petition withPetitionerErased() {
        return new Petition(registration, visits, true, acceptanceNotice);
    }

    Petition withAcceptanceNotice(AcceptanceNoticeSent notice) {
        return new Petition(registration, visits, petitionerErased, notice);
    }
}
