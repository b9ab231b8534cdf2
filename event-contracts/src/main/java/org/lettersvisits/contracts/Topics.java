package org.lettersvisits.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka topics of the platform: each owning service publishes its events to one of them, and
 * each consuming service has a dead-letter topic for the records it can never apply.
 */
public final class Topics {

    /**
     * Events of the Petition aggregate, published by petition-service. Version 3 of the topic: version 1
     * ({@code petition-events}) still held personal data from before the public contract, version 2 the subject in
     * clear from before free text was sealed; petition-service re-publishes its whole store onto the newest and the
     * launcher deletes the older (see {@link #retired()}).
     */
    public static final String PETITION_EVENTS = "petition-events.v3";
    /** The channel consumers read {@link #PETITION_EVENTS} on (its name in application.properties). */
    public static final String PETITION_EVENTS_CHANNEL = "petition-events";
    /**
     * Events of the Case aggregate, published by assignment-service. Version 2: version 1 ({@code assignment-events})
     * held the subject, the reasons and the resolutions in clear.
     */
    public static final String ASSIGNMENT_EVENTS = "assignment-events.v2";
    /** The channel consumers read {@link #ASSIGNMENT_EVENTS} on (its name in application.properties). */
    public static final String ASSIGNMENT_EVENTS_CHANNEL = "assignment-events";
    /**
     * Events of the ReturnVisit aggregate, published by followup-service. Version 2: version 1 ({@code followup-events})
     * held the visits' notes in clear.
     */
    public static final String FOLLOWUP_EVENTS = "followup-events.v2";
    /** The channel consumers read {@link #FOLLOWUP_EVENTS} on (its name in application.properties). */
    public static final String FOLLOWUP_EVENTS_CHANNEL = "followup-events";

    /**
     * petition-service's erasure ledger: who erased which petition's person, when and on what ground (no personal
     * data), kept for ever and apart from the databases and their backups, so a restored backup can apply again every
     * erasure made since. Not an event topic: no service consumes it but its owner.
     */
    public static final String ERASURE_LEDGER = "petitioner-erasures.v1";

    /**
     * The petitioners' data keys, shared by petition-service with the services that seal and open the free text written
     * about a petitioner: one record per petition (key = petition id), the data key wrapped under the platform's
     * sharing key; an erasure replaces it by a tombstone. Compacted, tombstones kept for ever, so a service reading it
     * from its beginning learns every key that exists and every one that was erased. Not an event topic.
     */
    public static final String DATA_KEYS = "petitioner-data-keys.v1";

    /**
     * The event logs' anchors, as they leave the databases: each owning service publishes every anchor it makes, signed,
     * keyed by its name, so whoever owns a database cannot rewrite its history and its anchors without it showing
     * (docs/security.md). Kept for ever; read by the services' verification and archived by the platform. Not an event
     * topic.
     */
    public static final String EVENT_ANCHORS = "event-anchors.v1";

    /** Every event topic, in the order the lifecycle reaches them. */
    public static final List<String> ALL = List.of(PETITION_EVENTS, ASSIGNMENT_EVENTS, FOLLOWUP_EVENTS);

    /** The one service allowed to publish on each topic (its CloudEvent {@code source}). */
    private static final Map<String, String> OWNERS = Map.of(
            PETITION_EVENTS, "petition-service",
            ASSIGNMENT_EVENTS, "assignment-service",
            FOLLOWUP_EVENTS, "followup-service",
            ERASURE_LEDGER, "petition-service",
            DATA_KEYS, "petition-service");

    /** The services that consume events, each with a dead-letter topic of its own. */
    public static final List<String> CONSUMING_SERVICES = List.of("petition-service", "assignment-service",
            "followup-service", "reporting-service");

    /** Partitions per topic: one case's events share a key and so a partition, replicas split the rest. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }

    /** The retired versions {@code topic} replaces (what its republication leaves behind). */
    public static List<String> replacedBy(String topic) {
        return retired().entrySet().stream().filter(version -> version.getValue().equals(topic)).map(Map.Entry::getKey)
                .toList();
    }

    /** The service that publishes {@code topic}, if it is one of the platform's event topics. */
    public static Optional<String> ownerOf(String topic) {
        return Optional.ofNullable(OWNERS.get(topic));
    }

    /**
     * Where {@code service} puts the records it can never apply: {@code <service>.dead-letters.v3} (version 1
     * could hold petition events with personal data, version 2 free text in clear; see {@link #retired()}).
     */
    public static String deadLettersOf(String service) {
        return service + ".dead-letters.v3";
    }

    /**
     * Topics of earlier versions that may still hold personal data, each with the topic that replaces it. The
     * launcher copies what a retired dead-letter topic holds onto its successor, reading each petition event as
     * the current public version (which has no personal data) and leaving out the free text written in clear, then
     * deletes the retired topics; each owning service re-publishes its history onto its new event topic itself, sealed.
     */
    public static Map<String, String> retired() {
        Map<String, String> retired = new LinkedHashMap<>();
        retired.put("petition-events", PETITION_EVENTS);
        retired.put("petition-events.v2", PETITION_EVENTS);
        retired.put("assignment-events", ASSIGNMENT_EVENTS);
        retired.put("followup-events", FOLLOWUP_EVENTS);
        CONSUMING_SERVICES.forEach(service -> {
            retired.put(service + ".dead-letters", deadLettersOf(service));
            retired.put(service + ".dead-letters.v2", deadLettersOf(service));
        });
        return retired;
    }
}
