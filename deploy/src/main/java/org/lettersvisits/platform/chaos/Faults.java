package org.lettersvisits.platform.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.lettersvisits.platform.ApiClient;
import org.lettersvisits.contracts.EventEnvelope;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.platform.PlatformSettings;

/** The faults {@code ./platform chaos} injects, one at a time. */
final class Faults {

    /** Which services consume each topic, and so dead-letter a poison record sent on it. */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            Topics.PETITION_EVENTS, List.of("assignment-service", "reporting-service"),
            Topics.ASSIGNMENT_EVENTS, List.of("petition-service", "followup-service", "reporting-service"),
            Topics.FOLLOWUP_EVENTS, List.of("petition-service", "assignment-service", "reporting-service"));

    private Faults() {
    }

    /** Every fault of the full run, in order. */
    static List<Fault> all(PlatformSettings settings, Map<String, Set<String>> poisonByService) {
        List<Fault> faults = new ArrayList<>();
        for (int s = 0; s < settings.services().size(); s++) {
            faults.add(kill(settings, s));
        }
        for (Duration outage : List.of(Duration.ofSeconds(25), Duration.ofSeconds(60))) {
            settings.services().forEach(service -> faults.add(refuseConnections(service, outage)));
        }
        faults.add(pausePostgres(Duration.ofSeconds(10)));
        faults.add(restartPostgres());
        faults.add(restartKafka());
        faults.add(poison(poisonByService));
        if (settings.replicas() > 1) {
            faults.addAll(ReplicaFaults.all(settings));
        }
        return faults;
    }

    /**
     * The shortened run of {@code ./mvnw verify}: one of each kind that lost work before, and with
     * replicas the take-overs: the relay lead, two rebuilds at once, an instance killed mid-rebuild.
     */
    static List<Fault> shortened(PlatformSettings settings, Map<String, Set<String>> poisonByService) {
        PlatformSettings.Service followup = settings.services().get(ApiClient.FOLLOWUP);
        List<Fault> faults = new ArrayList<>(List.of(kill(settings, ApiClient.FOLLOWUP),
                refuseConnections(followup, Duration.ofSeconds(25))));
        if (settings.replicas() > 1) {
            faults.add(ReplicaFaults.killRelayLeader(settings.services().get(ApiClient.ASSIGNMENT)));
            faults.add(ReplicaFaults.twoRebuildsAtOnce(settings));
            faults.add(ReplicaFaults.killMidRebuild(settings));
        } else {
            faults.add(restartKafka());
        }
        faults.add(poison(poisonByService));
        return faults;
    }

    /** kill -9 of a service (of its first instance, with replicas); the launcher's supervisor starts it again. */
    static Fault kill(PlatformSettings settings, int service) {
        return kill(settings.instancesOf(settings.services().get(service)).get(0));
    }

    /** kill -9 of one instance; the launcher's supervisor starts it again. */
    static Fault kill(PlatformSettings.Instance instance) {
        return new Fault() {
            @Override
            public String name() {
                return "kill -9 " + instance.name();
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                long pid = infrastructure.pidOf(instance.name());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                infrastructure.awaitBack(instance.name(), () -> {
                    try {
                        return infrastructure.pidOf(instance.name()) != pid && infrastructure.instanceReady(instance);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            }
        };
    }

    /** A service's database refuses connections (and ends the open ones) for a while, as an operator or a failover would. */
    static Fault refuseConnections(PlatformSettings.Service service, Duration outage) {
        String database = service.database();
        return new Fault() {
            @Override
            public String name() {
                return database + " database refusing connections " + outage.toSeconds() + " s";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                infrastructure.administer("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false",
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                try {
                    Thread.sleep(outage.toMillis()); // the outage itself
                } finally {
                    infrastructure.administer("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
                }
            }
        };
    }

    /** PostgreSQL frozen: SIGSTOP to the server and all its backends, SIGCONT after a while. */
    static Fault pausePostgres(Duration pause) {
        return new Fault() {
            @Override
            public String name() {
                return "PostgreSQL paused " + pause.toSeconds() + " s";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                List<Long> processes = infrastructure.postgresProcesses();
                infrastructure.signal("STOP", processes);
                try {
                    Thread.sleep(pause.toMillis()); // the pause itself
                } finally {
                    infrastructure.signal("CONT", processes);
                }
            }
        };
    }

    /** PostgreSQL shut down (fast: every session ended); the supervisor starts it again. */
    static Fault restartPostgres() {
        return new Fault() {
            @Override
            public String name() {
                return "PostgreSQL stopped and restarted";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                long postmaster = infrastructure.postmasterPid();
                infrastructure.signal("INT", List.of(postmaster));
                infrastructure.awaitBack("PostgreSQL", () -> {
                    try {
                        return infrastructure.postmasterPid() != postmaster && infrastructure.postgresAnswers();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            }
        };
    }

    /** kill -9 of the Kafka broker; the supervisor starts it again. */
    static Fault restartKafka() {
        return new Fault() {
            @Override
            public String name() {
                return "Kafka broker killed and restarted";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                long pid = infrastructure.pidOf("kafka");
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                infrastructure.awaitBack("Kafka", () -> {
                    try {
                        return infrastructure.pidOf("kafka") != pid && infrastructure.kafkaAnswers();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            }
        };
    }

    /**
     * One poison record on each topic, from its rightful owner: a known type whose payload does not
     * decode. Every consumer of the topic must dead-letter it and go on; {@code poisonByService}
     * collects which service's dead letters must hold which event ids.
     */
    static Fault poison(Map<String, Set<String>> poisonByService) {
        return new Fault() {
            @Override
            public String name() {
                return "a poison record on each topic";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                List<ProducerRecord<String, String>> records = new ArrayList<>();
                for (String topic : Topics.ALL) {
                    String eventId = UUID.randomUUID().toString();
                    RecordHeaders headers = new RecordHeaders();
                    headers.add(EventEnvelope.header(EventEnvelope.SPEC_VERSION), bytes("1.0"));
                    headers.add(EventEnvelope.header(EventEnvelope.ID), bytes(eventId));
                    headers.add(EventEnvelope.header(EventEnvelope.TYPE), bytes("case.closed.v1"));
                    headers.add(EventEnvelope.header(EventEnvelope.SOURCE), bytes(Topics.ownerOf(topic).orElseThrow()));
                    records.add(new ProducerRecord<>(topic, null, UUID.randomUUID().toString(), "{poison: not json", headers));
                    CONSUMERS.get(topic).forEach(service -> poisonByService.get(service).add(eventId));
                }
                infrastructure.produce(records);
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
