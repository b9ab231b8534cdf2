package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lettersvisits.platform.E2eClient.ASSIGNMENT;
import static org.lettersvisits.platform.E2eClient.FOLLOWUP;
import static org.lettersvisits.platform.E2eClient.PETITION;
import static org.lettersvisits.platform.E2eClient.as;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lettersvisits.contracts.Topics;

/**
 * A petitioner's personal data across the running platform: after an erasure nothing in any service's
 * database or on any topic yields the person, and topic versions of before (which held personal data in
 * clear) are retired without losing a dead letter.
 */
@ExtendWith(SharedPlatform.class)
class PersonalDataIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    /** Someone no other test registers: a unique name, phone and valid resident ID number. */
    private record Person(String name, String idNumber, String phone) {

        static Person unique() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String first17 = "110105" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(1000));
            int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * weights[i];
            }
            return new Person("Traceable-" + UUID.randomUUID().toString().substring(0, 8),
                    first17 + "10X98765432".charAt(sum % 11), "137" + String.format("%08d", random.nextInt(100_000_000)));
        }

        List<String> traces() {
            return List.of(name, idNumber, phone);
        }
    }

    @Test
    void an_erased_petitioner_leaves_no_trace_in_any_database_or_topic_and_the_case_stays() throws Exception {
        Person person = Person.unique();
        String id = as("reception1", PETITION).body(Map.of("channel", "LETTER", "receivedOn", "2025-10-15",
                "petitioner", Map.of("name", person.name(), "idNumber", person.idNumber(), "phone", person.phone()),
                "subject", "compensation for a demolished shop", "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        Map<String, Object> assignment = Map.of("petitionId", id, "department", "JUSTICE_BUREAU",
                "responsibleLeader", "Director Sun", "difficulty", "ROUTINE", "assignedOn", "2025-10-16");
        await().atMost(EVENTUAL).until(() -> as("supervisor1", ASSIGNMENT).body(assignment).post("/api/cases")
                .statusCode() == 201);
        await().atMost(EVENTUAL).untilAsserted(() -> as("reception1", PETITION).get("/api/petitions/" + id).then()
                .body("status", equalTo("ASSIGNED")));

        as("admin1", PETITION).body(Map.of("reason", "the petitioner's request")).post("/api/admin/petitioners/" + id + "/erasure")
                .then().statusCode(200);

        for (String trace : person.traces()) {
            assertThat(rowsHolding(trace)).as("rows holding " + trace).isEmpty();
            assertThat(recordsHolding(trace)).as("records holding " + trace).isEmpty();
        }
        as("reception1", PETITION).get("/api/petitions/" + id).then().statusCode(200).body("petitionerErased", equalTo(true))
                .body("status", equalTo("ASSIGNED")).body("department", equalTo("JUSTICE_BUREAU"));
        as("supervisor1", ASSIGNMENT).get("/api/cases/" + id).then().statusCode(200).body("status", equalTo("ASSIGNED"));
    }

    @Test
    void a_whole_lifecycle_written_about_a_person_leaves_no_trace_after_the_erasure_and_the_year_counts_the_same()
            throws Exception {
        Person person = Person.unique();
        String subject = person.name() + "的店铺被强拆";
        String description = "联系电话 " + person.phone() + "，身份证 " + person.idNumber() + "，要求赔偿门面损失";
        String resolution = "已与" + person.name() + "当面说明补偿标准";
        String notes = "回访" + person.name() + "（" + person.phone() + "），对补偿方案表示满意";
        List<String> freeText = List.of("的店铺被强拆", "要求赔偿门面损失", "当面说明补偿标准", "对补偿方案表示满意");
        String id = as("reception1", PETITION).body(Map.of("channel", "VISIT", "receivedOn", "2011-04-06",
                "petitioner", Map.of("name", person.name(), "idNumber", person.idNumber(), "phone", person.phone()),
                "subject", subject, "description", description, "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        Map<String, Object> assignment = Map.of("petitionId", id, "department", "COURT",
                "responsibleLeader", "Vice President Li", "assignedOn", "2011-04-07");
        await().atMost(EVENTUAL).until(() -> as("supervisor1", ASSIGNMENT).body(assignment).post("/api/cases")
                .statusCode() == 201);
        as("judge1", ASSIGNMENT).post("/api/cases/" + id + "/accept").then().statusCode(200);
        as("judge1", ASSIGNMENT).body(Map.of("resolution", resolution, "closedOn", "2011-05-10"))
                .post("/api/cases/" + id + "/close").then().statusCode(200);
        await().atMost(EVENTUAL).until(() -> as("followup1", FOLLOWUP).queryParam("caseId", id)
                .get("/api/return-visits").then().extract().jsonPath().getInt("total") == 1);
        String visitId = as("followup1", FOLLOWUP).queryParam("caseId", id).get("/api/return-visits").then()
                .extract().path("items[0].id");
        as("followup1", FOLLOWUP).body(Map.of("visitor", "Visitor S", "satisfaction", "SATISFIED",
                "petitionerWithdraws", true, "notes", notes, "visitedOn", "2011-05-20"))
                .post("/api/return-visits/" + visitId + "/complete").then().statusCode(200);
        // every service has what the lifecycle wrote, in clear where staff read it
        await().atMost(EVENTUAL).untilAsserted(() -> as("reception1", PETITION).get("/api/petitions/" + id).then()
                .body("timeline.type", org.hamcrest.Matchers.hasItem("return-visit.completed.v1")));
        await().atMost(EVENTUAL).until(() -> yearSummary().getInt("returnVisits.satisfied") == 1);
        as("supervisor1", ASSIGNMENT).get("/api/cases/" + id).then().body("subject", equalTo(subject));
        io.restassured.path.json.JsonPath before = yearSummary();

        as("admin1", PETITION).body(Map.of("reason", "the petitioner's request")).post("/api/admin/petitioners/" + id + "/erasure")
                .then().statusCode(200);

        List<String> traces = new ArrayList<>(person.traces());
        traces.addAll(freeText);
        await().atMost(EVENTUAL).untilAsserted(() -> {
            for (String trace : traces) {
                assertThat(rowsHolding(trace)).as("rows holding " + trace).isEmpty();
            }
        });
        for (String trace : traces) {
            assertThat(recordsHolding(trace)).as("records holding " + trace).isEmpty();
            assertThat(logLinesHolding(trace)).as("log lines holding " + trace).isEmpty();
        }
        io.restassured.path.json.JsonPath after = yearSummary();
        assertThat(after.getMap("total")).isEqualTo(before.getMap("total"));
        assertThat(after.getList("departments")).isEqualTo(before.getList("departments"));
        assertThat(after.getMap("returnVisits")).isEqualTo(before.getMap("returnVisits"));
        as("supervisor1", ASSIGNMENT).get("/api/cases/" + id).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    private static io.restassured.path.json.JsonPath yearSummary() {
        return as("leader1", E2eClient.REPORTING).get("/api/reports/summary?from=2011-01-01&to=2011-12-31").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Every line of every service's log file (the launcher's log folder) that holds {@code needle}. */
    private static List<String> logLinesHolding(String needle) throws Exception {
        List<String> found = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(SharedPlatform.settings().logDir())) {
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                try (var lines = java.nio.file.Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.filter(line -> line.contains(needle)).forEach(line -> found.add(file.getFileName() + ": " + line));
                } catch (java.io.UncheckedIOException notText) {
                    // a binary file in the folder: not a log
                }
            }
        }
        return found;
    }

    @Test
    void retired_topic_versions_are_deleted_and_their_dead_letters_kept_without_personal_data() throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        Person person = Person.unique();
        UUID readable = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        String clear = """
                {"petitionId":"%s","caseNumber":"XF-2025-09999","channel":"VISIT","receivedOn":"2025-05-06",
                 "petitioner":{"name":"%s","idNumber":"%s","phone":"%s"},"headcount":1,"subject":"old record",
                 "involvesLawAndLitigation":false,"jointVisitDay":false}""".formatted(readable, person.name(),
                person.idNumber(), person.phone());
        // a case event of before sealing, its subject in clear, and followup-service's dead letter of it
        UUID assigned = UUID.randomUUID();
        String subjectInClear = """
                {"caseId":"%s","petitionId":"%s","caseNumber":"XF-2025-09998","subject":"%s's demolished shop",
                 "department":"JUSTICE_BUREAU","responsibleLeader":"Director Sun","difficulty":"ROUTINE",
                 "assignedOn":"2025-05-07","deadline":"2025-08-05"}""".formatted(assigned, readable, person.name());
        try (Admin admin = settings.kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic("petition-events", 1, (short) 1),
                    new NewTopic("reporting-service.dead-letters", 1, (short) 1),
                    new NewTopic("assignment-events", 1, (short) 1),
                    new NewTopic("followup-service.dead-letters.v2", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                settings.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("petition-events", null, readable.toString(), clear,
                    headers(readable, "petition.registered.v1", null))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("reporting-service.dead-letters", null, readable.toString(), clear,
                    headers(readable, "petition.registered.v1", "petition-events"))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("reporting-service.dead-letters", null, unreadable.toString(),
                    "{not json but " + person.name() + "}", headers(unreadable, "petition.registered.v1", "petition-events")))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("assignment-events", null, assigned.toString(), subjectInClear,
                    headers(assigned, "case.assigned.v1", null))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("followup-service.dead-letters.v2", null, assigned.toString(), subjectInClear,
                    headers(assigned, "case.assigned.v1", "assignment-events"))).get(30, TimeUnit.SECONDS);
        }

        List<String> deleted = new RetiredTopics(settings, System.out).retire(EVENTUAL);

        List<String> retired = List.of("petition-events", "reporting-service.dead-letters", "assignment-events",
                "followup-service.dead-letters.v2");
        assertThat(deleted).containsAll(retired);
        try (Admin admin = settings.kafkaAdmin()) {
            await().atMost(EVENTUAL).until(() -> admin.listTopics().names().get().stream().noneMatch(retired::contains));
        }
        List<ConsumerRecord<byte[], byte[]>> letters = RetiredTopics.readAll(settings, Topics.deadLettersOf("reporting-service"))
                .stream().filter(r -> Set.of(readable.toString(), unreadable.toString()).contains(header(r, "ce_id"))).toList();
        assertThat(letters).hasSize(2).allSatisfy(letter -> person.traces().forEach(trace -> assertThat(
                new String(letter.value(), StandardCharsets.UTF_8)).doesNotContain(trace)));
        assertThat(letters).filteredOn(r -> header(r, "ce_id").equals(readable.toString())).singleElement()
                .satisfies(r -> {
                    assertThat(header(r, "ce_type")).isEqualTo("petition.registered.v2");
                    assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.PETITION_EVENTS);
                    assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("XF-2025-09999");
                });
        assertThat(letters).filteredOn(r -> header(r, "ce_id").equals(unreadable.toString())).singleElement()
                .satisfies(r -> assertThat(header(r, RetiredTopics.REDACTED_HEADER)).contains("did not read"));
        assertThat(RetiredTopics.readAll(settings, Topics.deadLettersOf("followup-service")))
                .filteredOn(r -> header(r, "ce_id").equals(assigned.toString())).singleElement().satisfies(r -> {
                    assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("XF-2025-09998")
                            .doesNotContain(person.name()).doesNotContain("\"subject\"");
                    assertThat(header(r, RetiredTopics.FREE_TEXT_REMOVED_HEADER)).contains("subject");
                    assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.ASSIGNMENT_EVENTS);
                });

        assertThat(new RetiredTopics(settings, System.out).retire(EVENTUAL)).isEmpty();
    }

    private static RecordHeaders headers(UUID eventId, String type, String deadLetterTopic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", (type.startsWith("petition.") ? "petition-service" : "assignment-service")
                .getBytes(StandardCharsets.UTF_8));
        if (deadLetterTopic != null) {
            headers.add("dead-letter-topic", deadLetterTopic.getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-kind", "REJECTED".getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-subscription", "report-inbox".getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every row in any table of any service's database whose text holds {@code needle}. */
    private static List<String> rowsHolding(String needle) throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        List<String> found = new ArrayList<>();
        for (PlatformSettings.Service service : settings.services()) {
            try (Connection connection = LocalDatabase.superuserConnection(settings, service.database())) {
                List<String> tables = new ArrayList<>();
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (PreparedStatement query = connection.prepareStatement(
                            "SELECT t::text FROM \"" + table + "\" t WHERE strpos(t::text, ?) > 0")) {
                        query.setString(1, needle);
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                found.add(service.database() + "." + table + ": " + rows.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every record on any topic of the broker (dead-letter topics too) whose key, value or headers hold {@code needle}. */
    private static List<String> recordsHolding(String needle) throws Exception {
        PlatformSettings settings = SharedPlatform.settings();
        List<String> found = new ArrayList<>();
        Set<String> topics;
        try (Admin admin = settings.kafkaAdmin()) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : RetiredTopics.readAll(settings, topic)) {
                StringBuilder text = new StringBuilder();
                text.append(record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                text.append(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                record.headers().forEach(h -> text.append(new String(h.value(), StandardCharsets.UTF_8)));
                if (text.indexOf(needle) >= 0) {
                    found.add(topic + "@" + record.partition() + ":" + record.offset());
                }
            }
        }
        return found;
    }
}
