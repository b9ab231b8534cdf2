package org.lettersvisits.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PetitionRegistered;

/**
 * {@code ./platform benchmark-rebuild [events]}: against a running platform, measures how fast
 * reporting-service rebuilds its read models. First it rebuilds what is there (e.g. the seed
 * year); then, if {@code events} is given (at least 100,000 for the figure), it publishes
 * that many generated events (petitions of the year 2001, each registered, assigned, accepted and
 * given a new deadline) as the services would, waits until reporting has them, and rebuilds again.
 * Prints events per second for each rebuild. Run it on a scratch platform: the events stay.
 */
public final class RebuildBenchmark {

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        HttpClient http = HttpClient.newHttpClient();
        String admin = Tokens.passwordGrant(http, settings, "admin1");
        System.out.println("rebuild of what the platform holds now: " + rebuild(http, settings, admin));
        if (args.length > 0) {
            int events = Integer.parseInt(args[0]);
            int cases = (events + 3) / 4;
            publish(settings, cases);
            String leader = Tokens.passwordGrant(http, settings, "leader1");
            long waitStart = System.nanoTime();
            Polling.until("reporting receiving the generated events", Duration.ofMinutes(10), Duration.ofSeconds(1),
                    () -> received2001(http, settings, leader) >= cases);
            System.out.printf("reporting received %d generated events in %.1f s%n", cases * 4,
                    (System.nanoTime() - waitStart) / 1e9);
            System.out.println("rebuild with the generated load: " + rebuild(http, settings, Tokens.passwordGrant(http, settings, "admin1")));
        }
    }

    private static String rebuild(HttpClient http, PlatformSettings settings, String token) throws IOException, InterruptedException {
        String base = settings.services().get(3).baseUrl() + "/api/admin/projections";
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/rebuild"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        AtomicReference<String> status = new AtomicReference<>();
        Polling.until("the rebuild", Duration.ofMinutes(10), Duration.ofMillis(200), () -> {
            status.set(http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (status.get().contains("\"FAILED\"")) {
                throw new IllegalStateException("rebuild failed: " + status.get());
            }
            return status.get().contains("\"DONE\"");
        });
        return field(status.get(), "replayed") + " events at " + field(status.get(), "eventsPerSecond") + " events/s";
    }

    private static void publish(PlatformSettings settings, int cases) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        EventCodec codec = EventCodec.platform();
        LocalDate day = LocalDate.of(2001, 6, 6);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < cases; i++) {
                UUID id = UUID.randomUUID();
                String number = String.format("XF-2001-%06d", i);
                Department department = Department.values()[i % 3];
                send(producer, codec, Topics.PETITION_EVENTS, id, 1, new PetitionRegistered(id, number, Channel.LETTER, day,
                        1, "generated", true, null, false));
                send(producer, codec, Topics.ASSIGNMENT_EVENTS, id, 1, new CaseAssigned(id, id, number, "generated", department,
                        "Leader B", Difficulty.ROUTINE, day, day.plusDays(30)));
                send(producer, codec, Topics.ASSIGNMENT_EVENTS, id, 2, new CaseAccepted(id, department, day));
                send(producer, codec, Topics.ASSIGNMENT_EVENTS, id, 3, new DeadlineChanged(id, day.plusDays(30), day.plusDays(60),
                        "generated"));
            }
        }
        System.out.printf("published %d generated events in %.1f s%n", cases * 4, (System.nanoTime() - start) / 1e9);
    }

    /** Sends an event as its topic's owner would, so consumers accept it. */
    private static void send(KafkaProducer<String, String> producer, EventCodec codec, String topic, UUID key, int version,
            Object event) {
        EventCodec.Encoded encoded = codec.encode(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), encoded.json());
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", encoded.type().getBytes(StandardCharsets.UTF_8))
                .add("ce_source", Topics.ownerOf(topic).orElseThrow().getBytes(StandardCharsets.UTF_8))
                .add("ce_actor", "benchmark".getBytes(StandardCharsets.UTF_8))
                .add("ce_aggregateid", key.toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_aggregateversion", String.valueOf(version).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static long received2001(HttpClient http, PlatformSettings settings, String token) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create(settings.services().get(3).baseUrl()
                + "/api/reports/summary?from=2001-01-01&to=2001-12-31")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher total = Pattern.compile("\"total\":\\{\"received\":(\\d+)").matcher(body);
        return total.find() ? Long.parseLong(total.group(1)) : 0;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
