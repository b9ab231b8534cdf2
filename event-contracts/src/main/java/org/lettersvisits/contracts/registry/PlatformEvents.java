package org.lettersvisits.contracts.registry;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.contracts.petition.PetitionEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The registry of the platform's public events: every record a sealed event interface permits, under the stable
 * type name of its {@code @EventType} ({@code case.closed.v1}), never its Java name. A new event joins the registry by
 * joining its interface's {@code permits}; two events with one name stop the class from loading.
 */
public final class PlatformEvents {

    /** The sealed interfaces whose records travel on the topics, one per owning service. */
    public static final List<Class<?>> FAMILIES = List.of(PetitionEvent.class, CaseEvent.class, ReturnVisitEvent.class);

    /** Every public event class, by its stable type name. */
    public static final Map<String, Class<?>> BY_TYPE_NAME = registry();

    /**
     * How records of older public versions still on the topics read as the current ones. Version 1 of the petition
     * events carried personal data; reading drops it.
     */
    static final Map<String, EventCodec.Upcaster> LEGACY = Map.of(
            "petition.registered.v1", new EventCodec.Upcaster("petition.registered.v2",
                    payload -> without(payload, "receivedBy", "petitioner", "description")),
            "petition.repeat-visit-recorded.v1", new EventCodec.Upcaster("petition.repeat-visit-recorded.v2",
                    payload -> without(payload, "receivedBy", "note")));

    private PlatformEvents() {
    }

    /** The codec for every public event of the platform, reading older public versions as the current ones. */
    public static EventCodec codec() {
        EventCodec codec = new EventCodec(List.copyOf(BY_TYPE_NAME.values()));
        LEGACY.forEach(codec::withUpcaster);
        return codec;
    }

    /**
     * The service that owns {@code event}'s type and alone publishes it, on its own topic: petition events are
     * petition-service's, case events assignment-service's, return-visit events followup-service's. Empty for an object
     * that is no platform event. A consumer refuses a type on any other topic, whoever may write there.
     */
    public static Optional<String> ownerOf(Object event) {
        if (event instanceof PetitionEvent) {
            return Topics.ownerOf(Topics.PETITION_EVENTS);
        }
        if (event instanceof CaseEvent) {
            return Topics.ownerOf(Topics.ASSIGNMENT_EVENTS);
        }
        if (event instanceof ReturnVisitEvent) {
            return Topics.ownerOf(Topics.FOLLOWUP_EVENTS);
        }
        return Optional.empty();
    }

    /** The id of the aggregate {@code event} belongs to (a return visit's own); empty for an object that is no platform event. */
    public static Optional<UUID> aggregateIdOf(Object event) {
        return event instanceof ReturnVisitEvent e ? Optional.ofNullable(e.visitId()) : petitionIdOf(event);
    }

    /**
     * The petition (= case) an event of the platform is about, whose petitioner it may name; empty for an object that
     * is no platform event. A return visit's is its case's.
     */
    public static Optional<UUID> petitionIdOf(Object event) {
        if (event instanceof PetitionEvent e) {
            return Optional.ofNullable(e.petitionId());
        }
        if (event instanceof CaseEvent e) {
            return Optional.ofNullable(e.caseId());
        }
        if (event instanceof ReturnVisitEvent e) {
            return Optional.ofNullable(e.caseId());
        }
        return Optional.empty();
    }

    private static Map<String, Class<?>> registry() {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        FAMILIES.stream().flatMap(family -> Stream.of(family.getPermittedSubclasses())).forEach(event -> {
            Class<?> taken = byName.putIfAbsent(EventCodec.typeOf(event), event);
            if (taken != null) {
                throw new IllegalStateException(event.getName() + " and " + taken.getName() + " share the type name "
                        + EventCodec.typeOf(event));
            }
        });
        return Collections.unmodifiableMap(byName);
    }

    private static JsonNode without(JsonNode payload, String... fields) {
        return payload.deepCopy() instanceof ObjectNode copy ? copy.without(Arrays.asList(fields)) : payload;
    }
}
