package org.lettersvisits.petition.search;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.petition.domain.PetitionEvent;

/**
 * The {@code type} each timeline entry is stored and sent under: its event's versioned type name
 * ({@code @EventType}: {@code case.assigned.v1}, {@code petition.registered-sealed.v1}, ...), a name that stays
 * when a class is renamed or moved. Every event that reaches a petition's timeline is listed here: the petition's
 * own, its case's and its return visits' (every class their sealed interfaces permit). Entries stored before
 * held class names; migration {@code V9__timeline_type_names.sql} rewrote them.
 */
public final class TimelineTypes {

    private static final Map<Class<?>, String> NAMES = names(PetitionEvent.class, CaseEvent.class,
            ReturnVisitEvent.class);

    private TimelineTypes() {
    }

    /** The type name of an event that reaches the timeline; any other class is refused. */
    public static String of(Class<?> eventClass) {
        String name = NAMES.get(eventClass);
        if (name == null) {
            throw new IllegalArgumentException(eventClass.getName() + " does not reach a petition's timeline");
        }
        return name;
    }

    /** Every event class that reaches the timeline, with its type name. */
    public static Map<Class<?>, String> all() {
        return NAMES;
    }

    private static Map<Class<?>, String> names(Class<?>... sealedEvents) {
        Map<Class<?>, String> names = new LinkedHashMap<>();
        Stream.of(sealedEvents).flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .forEach(event -> names.put(event, EventCodec.typeOf(event)));
        return Collections.unmodifiableMap(names);
    }
}
