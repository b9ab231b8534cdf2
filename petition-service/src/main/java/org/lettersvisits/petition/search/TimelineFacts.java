package org.lettersvisits.petition.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a timeline entry says about its event, as named facts (department, deadline, reason, ...) so a page
 * can word them in its own language; {@link #describe} words them plainly for the API's {@code detail}. Which facts
 * each event has is said once per event family, by a visitor: {@link PetitionFacts}, {@link CaseFacts},
 * {@link ReturnVisitFacts}.
 */
final class TimelineFacts {

    private TimelineFacts() {
    }

    /** The facts named in {@code namesAndValues} (name, value, name, value, ...), in that order; null values left out. */
    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                facts.put((String) namesAndValues[i], value instanceof Boolean ? value : value.toString());
            }
        }
        return facts;
    }

    /** The facts in plain words, e.g. {@code department: COURT, reason: ...}; null when there are none. */
    static String describe(Map<String, Object> facts) {
        return facts.isEmpty() ? null
                : facts.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).collect(Collectors.joining(", "));
    }
}
