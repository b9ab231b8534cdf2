package org.lettersvisits.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.Difficulty;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.PersonalDataErased;
import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.testsupport.CloudEventRecords;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A petitioner erased: the records reporting keeps of their petition, case and return visit lose the free text written
 * by or about them (also a record that arrives after the erasure), and the year's counts stay exactly as they were.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PersonalDataErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate DAY = LocalDate.of(2009, 5, 8);
    private static final String NAME = "赵建国";
    private static final String PHONE = "13655556666";

    @Inject
    Pool pool;

    @Test
    void no_free_text_is_kept_and_an_erasure_leaves_the_year_counts_the_same() {
        UUID id = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        String number = "XF-2009-" + id.toString().substring(0, 5);
        publish(CloudEventRecords.of(Topics.PETITION_EVENTS, id, new PetitionRegistered(id, number, Channel.VISIT, DAY, 1,
                        NAME + "的欠薪纠纷", true, null, false)),
                CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, new CaseAssigned(id, id, number, NAME + "的欠薪纠纷",
                        Department.COURT, "Leader M", Difficulty.ROUTINE, DAY, DAY.plusDays(30))),
                CloudEventRecords.of(Topics.ASSIGNMENT_EVENTS, id, new CaseClosed(id, number, Department.COURT,
                        "已电话 " + PHONE + " 告知", DAY.plusDays(9))),
                CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, id, new ReturnVisitScheduled(visit, id, number,
                        Department.COURT, DAY.plusDays(9), DAY.plusDays(24))));
        await().atMost(WAIT).until(() -> kept(id).size() == 4);
        JsonPath before = summary();
        assertThat(before.getInt("total.received")).isEqualTo(1);
        assertThat(before.getInt("total.closed")).isEqualTo(1);
        assertThat(String.join("", kept(id))).as("the reports count; no free text is kept").doesNotContain(NAME)
                .doesNotContain(PHONE).contains(number);

        publish(CloudEventRecords.of(Topics.PETITION_EVENTS, id, new PersonalDataErased(id)));
        await().atMost(WAIT).until(() -> kept(id).size() == 5);

        publish(CloudEventRecords.of(Topics.FOLLOWUP_EVENTS, id, new ReturnVisitCompleted(visit, id, DAY.plusDays(20),
                "Visitor S", Satisfaction.SATISFIED, true, "见到" + NAME + "本人", false)));
        await().atMost(WAIT).until(() -> kept(id).size() == 6);
        assertThat(String.join("", kept(id))).doesNotContain(NAME).contains("SATISFIED");
        JsonPath after = summary();
        assertThat(after.getMap("total")).isEqualTo(before.getMap("total"));
        assertThat(after.getList("departments")).isEqualTo(before.getList("departments"));
        assertThat(after.getMap("petitions")).isEqualTo(before.getMap("petitions"));
        assertThat(after.getInt("returnVisits.scheduled")).isEqualTo(before.getInt("returnVisits.scheduled")).isEqualTo(1);
        assertThat(after.getInt("returnVisits.satisfied")).isEqualTo(1);
    }

    @Test
    void the_migrations_that_strip_the_records_kept_before_name_every_free_text_field() throws Exception {
        java.util.Set<String> stripped = new java.util.TreeSet<>();
        for (String file : java.util.List.of("V10__no_free_text_kept.sql", "V11__no_attachment_names_kept.sql")) {
            try (var in = getClass().getResourceAsStream("/db/migration/" + file)) {
                String migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                var arrays = java.util.regex.Pattern.compile("ARRAY\\[([^\\]]*)]").matcher(migration);
                while (arrays.find()) {
                    for (String field : arrays.group(1).split(",")) {
                        stripped.add(field.trim().replace("'", ""));
                    }
                }
            }
        }
        assertThat(stripped).containsExactlyInAnyOrderElementsOf(PersonalTexts.FIELDS);
    }

    @SafeVarargs
    private static void publish(ProducerRecord<String, String>... records) {
        try (KafkaCompanion kafka = RealInfrastructure.kafkaCompanion()) {
            kafka.produceStrings().fromRecords(List.of(records)).awaitCompletion(WAIT);
        }
    }

    /** The bodies reporting keeps of the petition's, its case's and its visit's events. */
    private List<String> kept(UUID id) {
        return pool.preparedQuery("""
                SELECT body FROM report_event WHERE aggregate_id = $1 OR body::jsonb ->> 'caseId' = $1::text
                ORDER BY seq""").execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5)).stream()
                .map(row -> row.getString("body")).toList();
    }

    private static JsonPath summary() {
        return given().header("Authorization", Users.LEADER.bearer()).get("/api/reports/summary?from=2009-01-01&to=2009-12-31")
                .then().statusCode(200).extract().jsonPath();
    }
}
