package org.lettersvisits.petition.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a timeline entry says about its event, as named facts (department, deadline, reason, ...) in a fixed order, so
 * a page can word them in its own language; {@link #describe} words them plainly for the API's {@code detail}. Which
 * facts each event has is said once per event family, by a visitor: {@link PetitionFacts}, {@link CaseFacts},
 * {@link ReturnVisitFacts}. A value is kept as text, a yes/no as a boolean; an absent (null) value is left out.
 */
final class TimelineFacts {

    private final Map<String, Object> facts = new LinkedHashMap<>();

    private TimelineFacts() {
    }

    static TimelineFacts none() {
        return new TimelineFacts();
    }

    static TimelineFacts of(String name, Object value) {
        return new TimelineFacts().and(name, value);
    }

    TimelineFacts and(String name, Object value) {
        if (value != null) {
            facts.put(name, value.toString());
        }
        return this;
    }

    TimelineFacts and(String name, boolean value) {
        facts.put(name, value);
        return this;
    }

    static TimelineFacts of(String name, boolean value) {
        return new TimelineFacts().and(name, value);
    }

    Map<String, Object> byName() {
        return Collections.unmodifiableMap(facts);
    }

    /** The facts in plain words, e.g. {@code department: COURT, reason: ...}; null when there are none. */
    String describe() {
        return facts.isEmpty() ? null
                : facts.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).collect(Collectors.joining(", "));
    }
}
