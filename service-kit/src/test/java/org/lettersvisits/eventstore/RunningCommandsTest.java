package org.lettersvisits.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.EventSourcedRepository.Outcome;
import org.lettersvisits.eventstore.Letters.Answer;
import org.lettersvisits.eventstore.Letters.Command;
import org.lettersvisits.eventstore.Letters.Letter;
import org.lettersvisits.eventstore.Letters.LetterEvent;
import org.lettersvisits.eventstore.Letters.Receive;
import org.lettersvisits.kit.KitDatabase;

/** Commands run through the repository: load by folding the history, decide, append, in one transaction. */
class RunningCommandsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EventSourcedRepository<Command, LetterEvent, Letter> letters = new EventSourcedRepository<>(
            Letters.store(), Letters.DECIDER, Letters.AGGREGATE, LetterEvent.class, Letters.TOPIC);
    private final EventMetadata clerk = new EventMetadata("clerk.wang", UUID.randomUUID(), null);
    private KitDatabase db;

    @BeforeEach
    void database() {
        db = KitDatabase.fresh();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Outcome<LetterEvent, Letter> run(UUID letter, Command command, Integer expectedVersion) {
        return db.pool().withTransaction(tx -> letters.handle(tx, letter, command, expectedVersion, clerk))
                .await().atMost(PATIENCE);
    }

    @Test
    void a_letter_loaded_again_has_the_state_its_whole_history_adds_up_to() {
        UUID letter = UUID.randomUUID();
        run(letter, new Receive(letter, "Li Hua"), null);
        run(letter, new Answer(letter, "forwarded to housing"), 1);
        run(letter, new Answer(letter, "housing replied"), null);

        Aggregate<LetterEvent, Letter> loaded = letters.load(db.pool(), letter).await().atMost(PATIENCE);

        assertThat(loaded.exists()).isTrue();
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.state()).isEqualTo(new Letter("Li Hua", List.of("forwarded to housing", "housing replied")));
        assertThat(loaded.history()).hasSize(3);
    }

    @Test
    void a_command_answers_with_the_state_after_it_and_the_events_it_recorded() {
        UUID letter = UUID.randomUUID();
        run(letter, new Receive(letter, "Li Hua"), null);

        Outcome<LetterEvent, Letter> outcome = run(letter, new Answer(letter, "forwarded"), 1);

        assertThat(outcome.aggregate().version()).isEqualTo(2);
        assertThat(outcome.aggregate().state().answers()).containsExactly("forwarded");
        assertThat(outcome.recorded()).extracting(StoredEvent::version).containsExactly(2);
    }

    @Test
    void a_command_sent_with_the_version_seen_before_a_change_is_refused_and_records_nothing() {
        UUID letter = UUID.randomUUID();
        run(letter, new Receive(letter, "Li Hua"), null);
        run(letter, new Answer(letter, "forwarded"), 1);

        assertThatThrownBy(() -> run(letter, new Answer(letter, "answered on an old screen"), 1))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, conflict -> {
                    assertThat(conflict.expectedVersionGiven()).isTrue();
                    assertThat(conflict.getMessage()).contains("expected version 1, found 2");
                });
        assertThat(db.number("SELECT count(*) FROM event WHERE aggregate_id = '" + letter + "'")).isEqualTo(2);
    }

    @Test
    void a_command_the_domain_refuses_records_nothing() {
        UUID letter = UUID.randomUUID();

        assertThatThrownBy(() -> run(letter, new Answer(letter, "an answer to nothing"), null))
                .isInstanceOf(CommandRejected.class);
        assertThat(db.number("SELECT count(*) FROM event")).isZero();
        assertThat(letters.load(db.pool(), letter).await().atMost(PATIENCE).exists()).isFalse();
    }
}
