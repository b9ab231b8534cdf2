package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.CommandRejected.Reason;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

class CommandRetriesTest {

    private static final UUID CASE = UUID.randomUUID();

    private static Uni<String> losing(AtomicInteger attempts, int losses, Throwable loss) {
        return Uni.createFrom().deferred(() -> attempts.incrementAndGet() <= losses ? Uni.createFrom().failure(loss)
                : Uni.createFrom().item("recorded"));
    }

    @Test
    void a_command_without_a_pinned_version_that_lost_to_another_writer_is_decided_again() {
        AtomicInteger attempts = new AtomicInteger();
        String outcome = CommandRetries.runAgainOnLostRace(null,
                () -> losing(attempts, 2, new ConcurrencyConflict(CASE, "version 3 already exists", false)))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(outcome).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void an_append_refused_for_commit_order_runs_again_even_with_a_pinned_version() {
        AtomicInteger attempts = new AtomicInteger();
        PgException refused = new PgException("version 2 was appended by a younger transaction", "ERROR", "40001", null);
        assertThat(CommandRetries.runAgainOnLostRace(2, () -> losing(attempts, 1, refused))
                .await().atMost(Duration.ofSeconds(5))).isEqualTo("recorded");
    }

    @Test
    void a_pinned_version_that_is_stale_and_a_business_conflict_are_answered_at_once() {
        AtomicInteger stale = new AtomicInteger();
        assertThatThrownBy(() -> CommandRetries.runAgainOnLostRace(1,
                () -> losing(stale, 10, new ConcurrencyConflict(CASE, "expected version 1, found 2", true)))
                .await().atMost(Duration.ofSeconds(5))).isInstanceOf(ConcurrencyConflict.class);
        assertThat(stale).hasValue(1);

        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> CommandRetries.runAgainOnLostRace(null,
                () -> losing(refused, 10, new CommandRejected(Reason.FORBIDDEN_TRANSITION, "the case is not open")))
                .await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(CommandRejected.class).hasMessageContaining("not open");
        assertThat(refused).hasValue(1);
    }

    @Test
    void a_command_that_keeps_losing_is_told_so_in_words_a_person_understands() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> CommandRetries.runAgainOnLostRace(null,
                () -> losing(attempts, 100, new ConcurrencyConflict(CASE, "version 3 already exists", false)))
                .await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, conflict -> assertThat(conflict.detailForPeople())
                        .isEqualTo(ConcurrencyConflict.BUSY));
        assertThat(attempts).hasValue(CommandRetries.RETRIES + 1);
    }
}
