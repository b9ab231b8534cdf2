package org.lettersvisits.petition.app;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/petitions/contacts}: whom a return-visit officer calls, petition by petition, in the order asked;
 * petitions unknown or not theirs to read are left out.
 */
public record Contacts(List<Contact> items) {

    /**
     * A petitioner as a worklist shows them: the name whole, the phone masked ({@code 139****5656}); once erased,
     * {@code erased} true and nothing else.
     */
    public record Contact(UUID petitionId, String name, String phone, boolean erased) {
    }
}
