package org.lettersvisits.followup.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.followup.worklist.ReturnVisitQueries.Page;
import org.lettersvisits.followup.worklist.ReturnVisitQueries.Petitioner;
import org.lettersvisits.followup.worklist.ReturnVisitQueries.WorklistItem;
import org.lettersvisits.followup.worklist.ReturnVisitQueries.WorklistStatus;
import org.lettersvisits.petitioners.PetitionRecords.Contact;

import io.smallrye.mutiny.Uni;

/**
 * How a worklist page gets its petitioners, with petition-service's answer stood in by a function: one question per
 * page, each visit's petitioner from the answer, and a refusal or a missing call leaving the page without them. The
 * unreachable petition-service is tested for real in {@code WhomToCallTest}.
 */
class PetitionerContactsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final UUID SHOWN = UUID.randomUUID();
    private static final UUID ERASED = UUID.randomUUID();
    private static final UUID NOT_SHOWN = UUID.randomUUID();

    private static WorklistItem visit(UUID petitionId) {
        return new WorklistItem(UUID.randomUUID(), UUID.randomUUID(), "XF-2026-00001", Department.COURT,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 16), WorklistStatus.PENDING, null, null, null, null, null,
                null, null, 1, petitionId, 0, null, null);
    }

    private static final Page PAGE = new Page(List.of(visit(SHOWN), visit(ERASED), visit(NOT_SHOWN), visit(null),
            visit(SHOWN)), 42, false);

    @Test
    void one_question_for_the_whole_page_gives_each_visit_its_petitioner_where_petition_service_shows_one() {
        List<Collection<UUID>> asked = new ArrayList<>();
        Page page = PetitionerContacts.withContacts(PAGE, ids -> {
            asked.add(List.copyOf(ids));
            return Uni.createFrom().item(Map.of(SHOWN, new Contact(SHOWN, "李桂兰", "139****5656", false),
                    ERASED, new Contact(ERASED, null, null, true)));
        }).await().atMost(WAIT);

        assertThat(asked).singleElement(InstanceOfAssertFactories.collection(UUID.class))
                .containsExactlyInAnyOrder(SHOWN, ERASED, NOT_SHOWN);
        assertThat(page.items()).extracting(WorklistItem::petitioner).containsExactly(
                new Petitioner("李桂兰", "139****5656", false), new Petitioner(null, null, true), null, null,
                new Petitioner("李桂兰", "139****5656", false));
        assertThat(page.total()).isEqualTo(42);
        assertThat(page.petitionersUnavailable()).isFalse();
    }

    @Test
    void a_page_without_petitions_asks_nothing() {
        Page none = new Page(List.of(visit(null)), 1, false);
        assertThat(PetitionerContacts.withContacts(none, ids -> {
            throw new AssertionError("asked for " + ids);
        }).await().atMost(WAIT)).isEqualTo(none);
    }

    @Test
    void a_refusal_of_the_whole_question_leaves_every_petitioner_out_without_calling_petition_service_unavailable() {
        Page page = PetitionerContacts.withContacts(PAGE, failing(new ForbiddenException("not for this role")))
                .await().atMost(WAIT);
        assertThat(page.items()).extracting(WorklistItem::petitioner).containsOnlyNulls();
        assertThat(page.petitionersUnavailable()).isFalse();
    }

    @Test
    void a_petition_service_without_the_question_is_unavailable() {
        Page page = PetitionerContacts.withContacts(PAGE, failing(new NotFoundException("no such path")))
                .await().atMost(WAIT);
        assertThat(page.items()).extracting(WorklistItem::petitioner).containsOnlyNulls();
        assertThat(page.petitionersUnavailable()).isTrue();
    }

    @Test
    void any_other_failure_is_not_hidden() {
        Uni<Page> broken = PetitionerContacts.withContacts(PAGE, failing(new IllegalStateException("a bug")));
        assertThat(broken.onFailure().recoverWithItem((Page) null).await().atMost(WAIT)).isNull();
    }

    private static Function<Collection<UUID>, Uni<Map<UUID, Contact>>> failing(RuntimeException failure) {
        return ids -> Uni.createFrom().failure(failure);
    }
}
