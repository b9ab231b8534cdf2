package org.lettersvisits.petition;

import java.util.HashMap;
import java.util.Map;

/** Request bodies as reception's client would send them. */
final class PetitionBodies {

    static final String WEDNESDAY = "2026-10-14";
    static final String THURSDAY = "2026-10-15";

    private PetitionBodies() {
    }

    /** A valid visit on a Wednesday; change fields with {@link #with}. */
    static Map<String, Object> visit() {
        Map<String, Object> petitioner = new HashMap<>(Map.of("name", "Wang Min", "idNumber", "130100199312266955",
                "phone", "13942175656", "town", "Zhongguan"));
        Map<String, Object> body = new HashMap<>(Map.of("channel", "VISIT", "receivedOn", WEDNESDAY,
                "receivedBy", "Duty leader D", "headcount", 2, "subject", "wage arrears lawsuit delayed",
                "description", "asks why the judgment is not enforced", "involvesLawAndLitigation", true));
        body.put("petitioner", petitioner);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withPetitioner(Map<String, Object> body, String field, Object value) {
        Map<String, Object> petitioner = new HashMap<>((Map<String, Object>) body.get("petitioner"));
        petitioner.put(field, value);
        return with(body, "petitioner", petitioner);
    }
}
