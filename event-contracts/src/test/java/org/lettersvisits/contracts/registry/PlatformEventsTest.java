package org.lettersvisits.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;

/** The registry of public events: every permitted event under a stable, versioned name, each name once. */
class PlatformEventsTest {

    @Test
    void every_event_a_sealed_family_permits_is_registered_under_its_versioned_name() {
        List<Class<?>> permitted = PlatformEvents.FAMILIES.stream()
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).toList();

        assertThat(permitted).hasSize(20);
        assertThat(PlatformEvents.BY_TYPE_NAME.values()).containsExactlyInAnyOrderElementsOf(permitted);
        PlatformEvents.BY_TYPE_NAME.forEach((name, event) -> assertThat(name)
                .as(event.getSimpleName())
                .matches("(petition|case|return-visit)\\.[a-z]+(-[a-z]+)*\\.v[0-9]+")
                .isEqualTo(EventCodec.typeOf(event))
                .doesNotContain(event.getSimpleName()));
    }

    @Test
    void the_names_stored_and_sent_today_read_as_their_events() {
        Map<String, String> stable = Map.of(
                "case.assigned.v1", "CaseAssigned",
                "case.closed.v1", "CaseClosed",
                "case.review-requested.v1", "CaseReviewRequested",
                "return-visit.completed.v1", "ReturnVisitCompleted",
                "petition.registered.v2", "PetitionRegistered");
        stable.forEach((name, event) -> assertThat(PlatformEvents.BY_TYPE_NAME.get(name)).as(name)
                .isNotNull().matches(type -> type.getSimpleName().equals(event), "is " + event));
    }

    @Test
    void the_platform_codec_reads_every_registered_name_and_the_retired_petition_versions() {
        EventCodec codec = PlatformEvents.codec();
        PlatformEvents.BY_TYPE_NAME.keySet().forEach(name -> assertThat(codec.knows(name)).as(name).isTrue());
        assertThat(codec.knows("petition.registered.v1")).isTrue();
        assertThat(codec.knows("CaseClosed")).isFalse();
    }
}
