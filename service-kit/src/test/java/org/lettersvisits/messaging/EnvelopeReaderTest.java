package org.lettersvisits.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.messaging.Undeliverable.Reason;

class EnvelopeReaderTest {

    private final EnvelopeReader reader = new EnvelopeReader();
    private final UUID caseId = UUID.randomUUID();
    private final String closed = PlatformEvents.codec()
            .encode(new CaseClosed(caseId, "XF-2026-00001", Department.COURT, "solved", LocalDate.of(2026, 11, 2))).json();

    EnvelopeReaderTest() {
        reader.codec = PlatformEvents.codec();
    }

    private static Map<String, String> headers(String source, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        return headers;
    }

    private static ReceivedRecord record(Map<String, String> headers, String value) {
        return new ReceivedRecord(Topics.ASSIGNMENT_EVENTS, 1, 42, "key", value, headers);
    }

    @Test
    void an_event_from_the_topics_owner_is_decoded_with_its_aggregate_and_version() {
        Map<String, String> headers = headers("assignment-service", "case.closed.v1");
        headers.put("ce_aggregateid", caseId.toString());
        headers.put("ce_aggregateversion", "4");
        headers.put("ce_actor", "judge1");

        InboundEvent event = reader.read(record(headers, closed));

        assertThat(event.event()).isInstanceOf(CaseClosed.class);
        assertThat(event.aggregateId()).isEqualTo(caseId);
        assertThat(event.version()).isEqualTo(4);
        assertThat(event.actor()).isEqualTo("judge1");
    }

    @Test
    void a_record_from_a_service_that_does_not_own_the_topic_is_forged() {
        assertThatThrownBy(() -> reader.read(record(headers("followup-service", "case.closed.v1"), closed)))
                .isInstanceOfSatisfying(Undeliverable.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORGED_SOURCE))
                .hasMessageContaining("only assignment-service");
    }

    @Test
    void a_case_event_on_petition_services_topic_is_refused_though_its_source_owns_that_topic() {
        ReceivedRecord onPetitionEvents = new ReceivedRecord(Topics.PETITION_EVENTS, 0, 7, "key", closed,
                headers("petition-service", "case.closed.v1"));

        assertThatThrownBy(() -> reader.read(onPetitionEvents))
                .isInstanceOfSatisfying(Undeliverable.class, e -> assertThat(e.reason()).isEqualTo(Reason.FOREIGN_TYPE))
                .hasMessageContaining("assignment-service's").hasMessageContaining(Topics.PETITION_EVENTS);
    }

    @Test
    void a_type_this_service_does_not_know_is_read_without_an_event() {
        InboundEvent event = reader.read(record(headers("assignment-service", "case.archived.v1"), "{}"));

        assertThat(event.known()).isFalse();
        assertThat(event.type()).isEqualTo("case.archived.v1");
    }

    @Test
    void what_is_not_a_readable_event_of_the_platform_is_undeliverable() {
        Map<String, String> noId = headers("assignment-service", "case.closed.v1");
        noId.remove("ce_id");
        assertThatThrownBy(() -> reader.read(record(noId, closed)))
                .isInstanceOfSatisfying(Undeliverable.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));
        assertThatThrownBy(() -> reader.read(record(headers("assignment-service", "case.closed.v1"), "{not json")))
                .isInstanceOfSatisfying(Undeliverable.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));

        Map<String, String> otherAggregate = headers("assignment-service", "case.closed.v1");
        otherAggregate.put("ce_aggregateid", UUID.randomUUID().toString());
        assertThatThrownBy(() -> reader.read(record(otherAggregate, closed)))
                .isInstanceOfSatisfying(Undeliverable.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }
}
