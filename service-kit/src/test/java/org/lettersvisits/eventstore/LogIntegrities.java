package org.lettersvisits.eventstore;

import java.util.Map;
import java.util.UUID;

import org.lettersvisits.kafka.KafkaClients;
import org.lettersvisits.kit.KitDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * An {@link EventLogIntegrity} wired as CDI wires it in a service, onto a test's own database and the real broker, under
 * a service name of its own (so the anchors it publishes are its alone on the shared topic), signing with the kit's
 * development key pair.
 */
final class LogIntegrities {

    static final String SIGNING_KEY = "MC4CAQAwBQYDK2VwBCIEID3hX3qJg/SFF/dHFiBcIzfJ3qnX78CikSjaUWGPzIuK";
    static final String VERIFYING_KEY = "MCowBQYDK2VwAyEAFjkzCr5nhAfrLmLAoDhzYiomxEYbuSQ8TvMrrzo2Cdw=";

    private LogIntegrities() {
    }

    static EventLogIntegrity on(KitDatabase db) {
        return on(db, "kit-test-" + UUID.randomUUID().toString().substring(0, 8), new AnchorSigning(SIGNING_KEY, VERIFYING_KEY));
    }

    static EventLogIntegrity on(KitDatabase db, String service, AnchorSigning signing) {
        KafkaClients kafka = new KafkaClients(Map.of("bootstrap.servers", KitDatabase.kafkaBootstrapServers()));
        ExternalAnchors external = new ExternalAnchors();
        external.kafka = kafka;
        external.service = service;
        LogVerification verification = new LogVerification();
        verification.pool = db.pool();
        verification.signing = signing;
        verification.external = external;
        verification.service = service;
        EventLogIntegrity integrity = new EventLogIntegrity();
        integrity.pool = db.pool();
        integrity.signing = signing;
        integrity.kafka = kafka;
        integrity.verification = verification;
        integrity.registry = new SimpleMeterRegistry();
        integrity.service = service;
        return integrity;
    }
}
