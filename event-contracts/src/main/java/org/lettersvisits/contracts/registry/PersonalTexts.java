package org.lettersvisits.contracts.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.PersonalText;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The names of every field of the platform's public events that holds free text written by or about a petitioner:
 * the components marked {@link PersonalText}, and the fields older versions of the petition events carried (the
 * petitioner, the description, reception's name and note) that records kept from then may still hold. What a service
 * scrubs from a copy of a payload it keeps when the person is erased.
 */
public final class PersonalTexts {

    /** Fields of retired public versions ({@code petition.registered.v1}, {@code petition.repeat-visit-recorded.v1}). */
    private static final List<String> RETIRED = List.of("petitioner", "description", "receivedBy", "note");

    /** The JSON names of every personal free-text field, sorted. */
    public static final List<String> FIELDS = List.copyOf(fields());

    private PersonalTexts() {
    }

    /** {@code event} without its personal free text (those fields null): what a case shows once its person is erased. */
    @SuppressWarnings("unchecked")
    public static <T> T redacted(T event) {
        ObjectNode payload = EventCodec.JSON.valueToTree(event);
        payload.remove(FIELDS);
        return (T) EventCodec.JSON.convertValue(payload, event.getClass());
    }

    private static Set<String> fields() {
        Set<String> names = new TreeSet<>(RETIRED);
        PlatformEvents.BY_TYPE_NAME.values().forEach(event -> Arrays.stream(event.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(PersonalText.class))
                .forEach(component -> names.add(component.getName())));
        return names;
    }
}
