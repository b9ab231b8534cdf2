package org.lettersvisits.contracts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns event records into their type name and JSON payload and back. Producers and consumers use the same codec
 * ({@code registry.PlatformEvents#codec}), so both sides agree on names and fields. An old type name can be given an
 * upcaster that rewrites its payload into the current version at read time.
 */
public final class EventCodec {

    /** The JSON mapping every event payload uses: ISO dates, unknown fields ignored. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Class<?>> classesByType = new HashMap<>();
    private final Map<String, Upcaster> upcasters = new HashMap<>();

    /** Rewrites the payload of an old event version into a newer type. */
    public record Upcaster(String toType, UnaryOperator<JsonNode> payload) {
    }

    /** A decoded event with the type name it was stored under. */
    public record Encoded(String type, String json) {
    }

    public EventCodec(List<Class<?>> eventClasses) {
        for (Class<?> eventClass : eventClasses) {
            classesByType.put(typeOf(eventClass), eventClass);
        }
    }

    /**
     * Adds a service's own (internal) event class: its type name now reads as this class, in place of
     * any public reading of the same name (petition-service's stored {@code petition.registered.v1} is
     * its internal event, while for every other service it is the old public version).
     */
    public EventCodec withEventClass(Class<?> eventClass) {
        String type = typeOf(eventClass);
        upcasters.remove(type);
        classesByType.put(type, eventClass);
        return this;
    }

    public EventCodec withUpcaster(String oldType, Upcaster upcaster) {
        upcasters.put(oldType, upcaster);
        return this;
    }

    /** The versioned type name of an event class. */
    public static String typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return type.value();
    }

    public Encoded encode(Object event) {
        try {
            return new Encoded(typeOf(event.getClass()), JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            // the event's text holds personal data: name its type only
            throw new IllegalArgumentException("cannot encode a " + event.getClass().getSimpleName() + ": "
                    + withoutPayload(e), e);
        }
    }

    /** Whether this codec knows the type (directly or through an upcaster). */
    public boolean knows(String type) {
        return classesByType.containsKey(type) || upcasters.containsKey(type);
    }

    /**
     * Decodes a payload stored or sent under {@code type}, upcasting old versions first.
     *
     * @throws IllegalArgumentException if the type is unknown or the payload does not fit it
     */
    public Object decode(String type, String json) {
        try {
            JsonNode payload = JSON.readTree(json);
            String current = type;
            while (upcasters.containsKey(current)) {
                Upcaster upcaster = upcasters.get(current);
                payload = upcaster.payload().apply(payload);
                current = upcaster.toType();
            }
            Class<?> eventClass = Optional.ofNullable(classesByType.get(current))
                    .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
            return JSON.treeToValue(payload, eventClass);
        } catch (JsonProcessingException e) {
            // not Jackson's message, nor the exception with it: it quotes the payload ("from String \"...\"")
            throw new IllegalArgumentException("payload of " + type + " is not valid: " + withoutPayload(e));
        }
    }

    /**
     * What went wrong in JSON without a word of the JSON: the kind of failure, where in the event (field names) and
     * where in the text (line and column). Jackson's own messages quote the offending token or value.
     */
    static String withoutPayload(JsonProcessingException e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            text.append(" at ").append(mapping.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining(".")));
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            text.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr())
                    .append(')');
        }
        return text.toString();
    }
}
