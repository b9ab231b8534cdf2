package org.lettersvisits.petition.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.assignment.AttachmentAdded;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CasePersonalDataErased;
import org.lettersvisits.contracts.followup.ReturnVisitAttemptFailed;
import org.lettersvisits.contracts.followup.ReturnVisitBecameOverdue;
import org.lettersvisits.petition.domain.PetitionRegistered;
import org.lettersvisits.petition.domain.Petitioner;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Every event that reaches a petition's timeline has a stable type name, the stored rows of older versions are
 * rewritten to it by the migration, and the page words each in Chinese and English.
 */
class TimelineTypesTest {

    @Test
    void a_timeline_type_is_the_events_versioned_type_name() {
        assertThat(TimelineTypes.of(CaseAssigned.class)).isEqualTo("case.assigned.v1");
        assertThat(TimelineTypes.of(PetitionRegistered.class)).isEqualTo("petition.registered-sealed.v1");
        assertThat(TimelineTypes.of(ReturnVisitBecameOverdue.class)).isEqualTo("return-visit.became-overdue.v1");
        assertThat(TimelineTypes.all()).hasSize(21)
                .allSatisfy((event, type) -> assertThat(type).isEqualTo(EventCodec.typeOf(event)));
        assertThatThrownBy(() -> TimelineTypes.of(Petitioner.class)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Events first recorded after V9, whose rows never held a class name. */
    private static final Set<Class<?>> SINCE_TYPE_NAMES = Set.of(CasePersonalDataErased.class, ReturnVisitAttemptFailed.class,
            AttachmentAdded.class);

    /** The rows stored before hold class names: the migration names every one (a fixed mapping, as it must be). */
    @Test
    void the_migration_rewrites_the_class_name_of_every_timeline_event() {
        String migration = resource("db/migration/V9__timeline_type_names.sql").replaceAll("\\s+", " ");
        TimelineTypes.all().forEach((event, type) -> {
            if (!SINCE_TYPE_NAMES.contains(event)) {
                assertThat(migration).contains("('" + event.getSimpleName() + "', '" + type + "')");
            }
        });
    }

    @Test
    void the_page_words_every_timeline_type_in_both_languages() throws IOException {
        for (String language : new String[] { "zh-CN", "en" }) {
            Map<String, String> messages = EventCodec.JSON.readValue(
                    resource("META-INF/resources/messages." + language + ".json"), new TypeReference<Map<String, String>>() {
                    });
            TimelineTypes.all().values().forEach(type -> assertThat(messages).as(language).containsKey("event." + type));
        }
    }

    private static String resource(String name) {
        try (InputStream in = TimelineTypesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
