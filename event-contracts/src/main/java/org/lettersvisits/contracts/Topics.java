package org.lettersvisits.contracts;

import java.util.List;

/** The Kafka topics of the platform: each owning service publishes its events to one of them. */
public final class Topics {

    /** Events of the Petition aggregate, published by petition-service. */
    public static final String PETITION_EVENTS = "petition-events";
    /** Events of the Case aggregate, published by assignment-service. */
    public static final String ASSIGNMENT_EVENTS = "assignment-events";
    /** Events of the ReturnVisit aggregate, published by followup-service. */
    public static final String FOLLOWUP_EVENTS = "followup-events";

    /** Every event topic, in the order the lifecycle reaches them. */
    public static final List<String> ALL = List.of(PETITION_EVENTS, ASSIGNMENT_EVENTS, FOLLOWUP_EVENTS);

    /** Partitions per topic: one case's events share a key and so a partition, replicas split the rest. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }
}
