package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.platform.E2eClient.PETITION;
import static org.lettersvisits.platform.E2eClient.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./platform verify-log} against the running platform: every owner's log intact (0), an event rewritten behind
 * the service's back named by stream, version, position and problem (1), a service that does not answer (2); and the
 * launcher's copy of the anchors published on {@code event-anchors.v1}, appended once per anchor and resumed where it
 * stopped.
 */
@ExtendWith(SharedPlatform.class)
class VerifyLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    @TempDir
    Path copies;

    @Test
    void every_owners_log_is_intact_and_the_command_says_so_with_status_0() throws Exception {
        Run run = verifyLog(SharedPlatform.settings());
        assertThat(run.status()).as(run.output()).isEqualTo(VerifyLog.INTACT);
        assertThat(run.output()).contains("petition-service: intact", "assignment-service: intact",
                "followup-service: intact", "every event log is intact").doesNotContain("reporting-service");
        assertThat(run.output().lines().filter(line -> line.contains("anchors kept outside:"))).hasSize(3);
    }

    @Test
    void an_event_rewritten_by_the_database_owner_is_named_and_the_status_is_1() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        PlatformSettings.Service petition = settings.services().get(PETITION);
        String id = as("reception1", PETITION).body(Map.of("channel", "LETTER", "receivedOn", "2025-03-03",
                "petitioner", Map.of("name", "Sun Li", "idNumber", "130100199312266955"), "headcount", 1,
                "subject", "a fence between neighbours", "involvesLawAndLitigation", false))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        try (Connection owner = LocalDatabase.connectAs(settings, petition.ownerRole(), petition.database())) {
            long position;
            String actor;
            try (PreparedStatement first = owner.prepareStatement(
                    "SELECT position, actor FROM event WHERE aggregate_id = ?::uuid AND version = 1")) {
                first.setString(1, id);
                try (ResultSet row = first.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    position = row.getLong(1);
                    actor = row.getString(2);
                }
            }
            setActor(owner, id, "someone else");
            try {
                Run run = verifyLog(settings);
                assertThat(run.status()).as(run.output()).isEqualTo(VerifyLog.BROKEN);
                assertThat(run.output()).contains("petition-service: BROKEN",
                        "first broken link: stream " + id + ", version 1, position " + position + ": ",
                        "assignment-service: intact", "an event log is broken");
            } finally {
                setActor(owner, id, actor); // the row as it was: its hash holds again
            }
        }
        Run again = verifyLog(settings);
        assertThat(again.status()).as(again.output()).isEqualTo(VerifyLog.INTACT);
    }

    @Test
    void a_service_that_does_not_answer_makes_the_status_2() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        List<PlatformSettings.Service> services = new ArrayList<>(settings.services());
        PlatformSettings.Service followup = services.get(E2eClient.FOLLOWUP);
        services.set(E2eClient.FOLLOWUP, new PlatformSettings.Service(followup.module(), freePort(), followup.database()));
        PlatformSettings away = new PlatformSettings(settings.root(), settings.dataDir(), settings.postgresPort(),
                settings.kafkaPort(), settings.keycloakPort(), settings.tracesPort(), settings.mailPort(),
                settings.mailWebPort(), services, settings.replicas(), settings.durable());
        Run run = verifyLog(away);
        assertThat(run.status()).as(run.output()).isEqualTo(VerifyLog.UNANSWERED);
        assertThat(run.output()).contains("followup-service: did not answer", "petition-service: intact",
                "a service did not answer");
    }

    @Test
    void every_anchor_on_the_topic_is_appended_once_to_its_services_file_and_a_restart_resumes() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        try (Admin admin = settings.kafkaAdmin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, AnchorArchive.TOPIC);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
        String service = "archive-test-" + UUID.randomUUID();
        publish(service, anchor(service, 1), anchor(service, 2), anchor(service, 2)); // the last one delivered twice
        Path launchers = AnchorArchive.fileOf(settings.anchorsDir(), service);
        await().atMost(EVENTUAL).until(() -> Files.exists(launchers) && Files.readAllLines(launchers).size() == 2);

        AnchorArchive archive = new AnchorArchive(settings, copies, "archive-test-" + UUID.randomUUID());
        Path copy = AnchorArchive.fileOf(copies, service);
        archive.start();
        try {
            await().atMost(EVENTUAL).until(() -> Files.exists(copy) && Files.readAllLines(copy).size() == 2);
        } finally {
            archive.stop();
        }
        String before = Files.readString(copy);
        publish(service, anchor(service, 3));
        AnchorArchive resumed = new AnchorArchive(settings, copies, archive.group());
        resumed.start();
        try {
            await().atMost(EVENTUAL).until(() -> Files.readAllLines(copy).size() == 3);
        } finally {
            resumed.stop();
        }
        assertThat(Files.readString(copy)).startsWith(before);
        assertThat(Files.readAllLines(copy)).extracting(line -> JSON.readTree(line).path("id").asText())
                .containsExactly("1", "2", "3");
        AnchorArchive.Summary summary = AnchorArchive.summary(copies, service);
        assertThat(summary.anchors()).isEqualTo(3);
        assertThat(summary.last().orElseThrow().path("hash").asText()).isEqualTo("hash-3");

        AnchorArchive fromTheStart = new AnchorArchive(settings, copies, "archive-test-" + UUID.randomUUID());
        fromTheStart.start(); // a group with no position reads the topic from its beginning: nothing is doubled
        try {
            await().atMost(EVENTUAL).until(() -> fromTheStart.caughtUp());
        } finally {
            fromTheStart.stop();
        }
        assertThat(Files.readAllLines(copy)).hasSize(3);
    }

    private static String anchor(String service, int id) {
        return "{\"service\":\"" + service + "\",\"id\":" + id + ",\"hash\":\"hash-" + id + "\",\"previousHash\":"
                + (id == 1 ? "null" : "\"hash-" + (id - 1) + "\"") + ",\"signature\":\"c2ln\",\"keyId\":\"test\"}";
    }

    private static void publish(String service, String... anchors) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedPlatform.settings().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String anchor : anchors) {
                producer.send(new ProducerRecord<>(AnchorArchive.TOPIC, service, anchor)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void setActor(Connection owner, String aggregateId, String actor) throws Exception {
        try (PreparedStatement update = owner.prepareStatement(
                "UPDATE event SET actor = ? WHERE aggregate_id = ?::uuid AND version = 1")) {
            update.setString(1, actor);
            update.setString(2, aggregateId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private record Run(int status, String output) {
    }

    private static Run verifyLog(PlatformSettings settings) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = new VerifyLog(settings, settings.anchorsDir()).verify(out);
        }
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
