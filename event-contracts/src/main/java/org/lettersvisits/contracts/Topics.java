package org.lettersvisits.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka topics of the platform: each owning service publishes its events to one of them, and
 * each consuming service has a dead-letter topic for the records it can never apply.
 */
public final class Topics {

    /** Events of the Petition aggregate, published by petition-service. */
    public static final String PETITION_EVENTS = "petition-events";
    /** Events of the Case aggregate, published by assignment-service. */
    public static final String ASSIGNMENT_EVENTS = "assignment-events";
    /** Events of the ReturnVisit aggregate, published by followup-service. */
    public static final String FOLLOWUP_EVENTS = "followup-events";

    /** Every event topic, in the order the lifecycle reaches them. */
    public static final List<String> ALL = List.of(PETITION_EVENTS, ASSIGNMENT_EVENTS, FOLLOWUP_EVENTS);

    /** The one service allowed to publish on each topic (its CloudEvent {@code source}). */
    private static final Map<String, String> OWNERS = Map.of(
            PETITION_EVENTS, "petition-service",
            ASSIGNMENT_EVENTS, "assignment-service",
            FOLLOWUP_EVENTS, "followup-service");

    /** The services that consume events, each with a dead-letter topic of its own. */
    public static final List<String> CONSUMING_SERVICES = List.of("petition-service", "assignment-service",
            "followup-service", "reporting-service");

    /** Partitions per topic: one case's events share a key and so a partition, replicas split the rest. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }

    /** The service that publishes {@code topic}, if it is one of the platform's event topics. */
    public static Optional<String> ownerOf(String topic) {
        return Optional.ofNullable(OWNERS.get(topic));
    }

    /** Where {@code service} puts the records it can never apply: {@code <service>.dead-letters}. */
    public static String deadLettersOf(String service) {
        return service + ".dead-letters";
    }
}
