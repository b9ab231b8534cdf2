package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.registry.PersonalTexts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What {@link RetiredTopics} does without a broker: the value a retired dead letter keeps on its successor (no free
 * text in clear, sealed text kept, each change named in a header), and which owner's database a retired event topic
 * waits for, asked of a real PostgreSQL holding the three owners' databases.
 */
class RetiredTopicsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEALED = "sealed:v1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    static Path data;
    private static EmbeddedPostgres postgres;
    private static RetiredTopics retiredTopics;

    @BeforeAll
    static void owners_databases() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Files.createDirectories(Path.of("target", "retired-topics-postgres", "bin"))
                        .toAbsolutePath().toFile())
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(true)
                .start();
        PlatformSettings settings = PlatformSettings.fromEnvironment(data,
                Map.of("POSTGRES_PORT", String.valueOf(postgres.getPort()), "PLATFORM_DATA", data.toString()));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : new String[] {"petition", "assignment", "followup"}) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        for (String database : new String[] {"petition", "assignment", "followup"}) {
            sql(database, """
                    CREATE TABLE topic_republication (topic text PRIMARY KEY, finished_at timestamptz);
                    CREATE TABLE outbox (event_id uuid PRIMARY KEY, topic text NOT NULL)""");
        }
        retiredTopics = new RetiredTopics(settings, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_dead_letter_loses_the_free_text_in_clear_keeps_the_sealed_and_says_so() throws IOException {
        UUID caseId = UUID.randomUUID();
        String value = """
                {"caseId":"%s","caseNumber":"XF-2025-00042","subject":"Zhang Wei's shop was demolished",
                 "reason":"%s","resolution":null,"department":"JUSTICE_BUREAU"}""".formatted(caseId, SEALED);
        ConsumerRecord<byte[], byte[]> letter = letter("assignment-service.dead-letters.v2", "case.assigned.v1",
                "petition-events.v2", value);

        ProducerRecord<byte[], byte[]> copy = retiredTopics.withoutPersonalData(Topics.deadLettersOf("assignment-service"),
                letter);

        JsonNode copied = JSON.readTree(copy.value());
        assertThat(copied.has("subject")).isFalse();
        assertThat(copied.path("reason").asText()).isEqualTo(SEALED);
        assertThat(copied.has("resolution")).as("a null holds no text").isTrue();
        assertThat(copied.path("caseNumber").asText()).isEqualTo("XF-2025-00042");
        assertThat(copied.path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(new String(copy.value(), StandardCharsets.UTF_8)).doesNotContain("Zhang Wei");
        assertThat(copy.topic()).isEqualTo("assignment-service.dead-letters.v3");
        assertThat(header(copy, RetiredTopics.FREE_TEXT_REMOVED_HEADER)).contains("subject")
                .contains("assignment-service.dead-letters.v2").doesNotContain("Zhang Wei").doesNotContain("reason");
        assertThat(header(copy, "dead-letter-topic")).isEqualTo(Topics.PETITION_EVENTS);
        assertThat(header(copy, RetiredTopics.REDACTED_HEADER)).isNull();
        assertThat(header(copy, "ce_id")).isEqualTo(header(letter));
    }

    @Test
    void a_dead_letter_whose_free_text_is_sealed_is_copied_as_it_was() {
        String value = """
                {"visitId":"%s","notes":"%s","satisfaction":"SATISFIED"}""".formatted(UUID.randomUUID(), SEALED);
        ConsumerRecord<byte[], byte[]> letter = letter("reporting-service.dead-letters", "return-visit.completed.v1",
                "followup-events", value);

        ProducerRecord<byte[], byte[]> copy = retiredTopics.withoutPersonalData(Topics.deadLettersOf("reporting-service"),
                letter);

        assertThat(copy.value()).isEqualTo(letter.value());
        assertThat(header(copy, RetiredTopics.FREE_TEXT_REMOVED_HEADER)).isNull();
        assertThat(header(copy, "dead-letter-topic")).isEqualTo(Topics.FOLLOWUP_EVENTS);
    }

    @Test
    void an_old_petition_event_is_read_as_the_public_version_then_loses_its_subject_in_clear() throws IOException {
        String value = """
                {"petitionId":"%s","caseNumber":"XF-2025-09999","channel":"VISIT","receivedOn":"2025-05-06",
                 "petitioner":{"name":"Li Na","idNumber":"110101199003071234","phone":"13700000000"},"headcount":1,
                 "subject":"Li Na's pension","involvesLawAndLitigation":false,"jointVisitDay":false}"""
                .formatted(UUID.randomUUID());
        ConsumerRecord<byte[], byte[]> letter = letter("reporting-service.dead-letters.v2", "petition.registered.v1",
                "petition-events", value);

        ProducerRecord<byte[], byte[]> copy = retiredTopics.withoutPersonalData(Topics.deadLettersOf("reporting-service"),
                letter);

        String copied = new String(copy.value(), StandardCharsets.UTF_8);
        assertThat(copied).contains("XF-2025-09999").doesNotContain("Li Na").doesNotContain("1370000")
                .doesNotContain("pension");
        assertThat(header(copy, "ce_type")).isEqualTo("petition.registered.v2");
        assertThat(header(copy, RetiredTopics.FREE_TEXT_REMOVED_HEADER)).contains("subject");
        assertThat(header(copy, "dead-letter-topic")).isEqualTo(Topics.PETITION_EVENTS);
    }

    @Test
    void a_dead_letter_that_is_no_json_object_is_emptied_and_says_so() {
        ConsumerRecord<byte[], byte[]> letter = letter("followup-service.dead-letters.v2", "case.closed.v1",
                "assignment-events", "{not json but Wang Fang's complaint}");

        ProducerRecord<byte[], byte[]> copy = retiredTopics.withoutPersonalData(Topics.deadLettersOf("followup-service"),
                letter);

        assertThat(copy.value()).isEmpty();
        assertThat(header(copy, RetiredTopics.REDACTED_HEADER)).contains("did not read")
                .contains("followup-service.dead-letters.v2").doesNotContain("Wang Fang");
        assertThat(header(copy, "dead-letter-topic")).isEqualTo(Topics.ASSIGNMENT_EVENTS);
    }

    @Test
    void every_personal_text_field_in_clear_goes_at_any_depth_and_nothing_else() throws IOException {
        StringBuilder fields = new StringBuilder();
        PersonalTexts.FIELDS.forEach(field -> fields.append('"').append(field).append("\":\"in clear\","));
        String value = "{" + fields + "\"kept\":\"in clear\",\"sealed\":{\"note\":\"" + SEALED + "\"},"
                + "\"items\":[{\"reason\":{\"nested\":1},\"count\":2}]}";

        Optional<RetiredTopics.FreeTextRemoved> stripped = RetiredTopics.withoutFreeTextInClear(
                value.getBytes(StandardCharsets.UTF_8));

        assertThat(stripped).isPresent();
        assertThat(stripped.get().fields()).containsAll(PersonalTexts.FIELDS).contains("items[0].reason")
                .doesNotContain("sealed.note", "kept");
        assertThat(JSON.readTree(stripped.get().value())).isEqualTo(JSON.readTree(
                "{\"kept\":\"in clear\",\"sealed\":{\"note\":\"" + SEALED + "\"},\"items\":[{\"count\":2}]}"));
        assertThat(RetiredTopics.withoutFreeTextInClear("[\"subject\"]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(RetiredTopics.withoutFreeTextInClear("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void each_retired_event_topic_waits_for_its_own_owner_and_database() {
        assertThat(retiredTopics.republicationOf("petition-events")).isEqualTo(new RetiredTopics.Republication(
                "petition-events", Topics.PETITION_EVENTS, "petition-service", "petition"));
        assertThat(retiredTopics.republicationOf("petition-events.v2")).isEqualTo(new RetiredTopics.Republication(
                "petition-events.v2", Topics.PETITION_EVENTS, "petition-service", "petition"));
        assertThat(retiredTopics.republicationOf("assignment-events")).isEqualTo(new RetiredTopics.Republication(
                "assignment-events", Topics.ASSIGNMENT_EVENTS, "assignment-service", "assignment"));
        assertThat(retiredTopics.republicationOf("followup-events")).isEqualTo(new RetiredTopics.Republication(
                "followup-events", Topics.FOLLOWUP_EVENTS, "followup-service", "followup"));
        assertThatThrownBy(() -> retiredTopics.republicationOf("reporting-service.dead-letters.v2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.retired().keySet().stream().filter(t -> Topics.ALL.contains(Topics.retired().get(t))))
                .containsExactlyInAnyOrder("petition-events", "petition-events.v2", "assignment-events", "followup-events");
    }

    @Test
    void a_retired_event_topic_goes_once_its_owner_finished_re_publishing_and_its_outbox_holds_nothing_for_it()
            throws Exception {
        RetiredTopics.Republication petition = retiredTopics.republicationOf("petition-events.v2");
        RetiredTopics.Republication assignment = retiredTopics.republicationOf("assignment-events");
        RetiredTopics.Republication followup = retiredTopics.republicationOf("followup-events");
        // another owner's database saying so does not count
        sql("petition", "INSERT INTO topic_republication VALUES ('assignment-events.v2', now()), ('followup-events.v2', now())");
        sql("assignment", "INSERT INTO topic_republication VALUES ('assignment-events.v2', NULL)");
        sql("followup", "INSERT INTO topic_republication VALUES ('followup-events.v2', now())");
        sql("followup", "INSERT INTO outbox VALUES ('" + UUID.randomUUID() + "', 'followup-events.v2')");
        assertThat(retiredTopics.republished(petition)).as("no republication recorded yet").isFalse();
        assertThat(retiredTopics.republished(assignment)).as("republication not finished").isFalse();
        assertThat(retiredTopics.republished(followup)).as("an outbox row for the successor left").isFalse();

        sql("petition", "INSERT INTO topic_republication VALUES ('petition-events.v3', now())");
        sql("petition", "INSERT INTO outbox VALUES ('" + UUID.randomUUID() + "', 'petition-events.v2')");
        sql("assignment", "UPDATE topic_republication SET finished_at = now()");
        sql("followup", "DELETE FROM outbox");
        assertThat(retiredTopics.republished(petition)).as("a row the version before queued for a retired version")
                .isFalse();

        sql("petition", "DELETE FROM outbox");
        sql("petition", "INSERT INTO outbox VALUES ('" + UUID.randomUUID() + "', '" + Topics.DATA_KEYS + "')");
        assertThat(retiredTopics.republished(petition)).as("rows for other topics do not hold it back").isTrue();
        assertThat(retiredTopics.republished(assignment)).isTrue();
        assertThat(retiredTopics.republished(followup)).isTrue();

        assertThatThrownBy(() -> retiredTopics.republished(new RetiredTopics.Republication("x", "y", "nobody", "nowhere")))
                .isInstanceOf(IOException.class).hasMessageContaining("nobody's database");
    }

    private static ConsumerRecord<byte[], byte[]> letter(String topic, String type, String deadLetterTopic, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", deadLetterTopic.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-subscription", "inbox".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(topic, 0, 7, 1_700_000_000_000L, TimestampType.CREATE_TIME, 36, bytes.length,
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), bytes, headers, Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private static void sql(String database, String statements) throws SQLException {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }
}
