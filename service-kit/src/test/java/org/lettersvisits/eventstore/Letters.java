package org.lettersvisits.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.EventType;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.privacy.DataKeys;

/**
 * A small aggregate of the kernel's tests: a letter is received, then answered, once. Its events are stored by
 * the real {@link EventStore} with the platform's codec, like any service's.
 */
final class Letters {

    static final String AGGREGATE = "letter";
    static final String TOPIC = "letter-events";

    sealed interface LetterEvent permits Received, Answered {
        UUID letterId();
    }

    @EventType("test.letter.received.v1")
    record Received(UUID letterId, String sender) implements LetterEvent {
    }

    @EventType("test.letter.answered.v1")
    record Answered(UUID letterId, String answer) implements LetterEvent {
    }

    sealed interface Command permits Receive, Answer {
    }

    record Receive(UUID letterId, String sender) implements Command {
    }

    record Answer(UUID letterId, String answer) implements Command {
    }

    /** What the letter's history adds up to. */
    record Letter(String sender, List<String> answers) {
        static final Letter NONE = new Letter(null, List.of());
    }

    static final Decider<Command, LetterEvent, Letter> DECIDER = new Decider<>() {
        @Override
        public Letter initialState() {
            return Letter.NONE;
        }

        @Override
        public List<LetterEvent> decide(Command command, Letter letter) {
            if (command instanceof Receive receive) {
                return letter.sender() != null ? List.of() : List.of(new Received(receive.letterId(), receive.sender()));
            }
            Answer answer = (Answer) command;
            if (letter.sender() == null) {
                throw new CommandRejected(Reason.NOT_FOUND, "no letter " + answer.letterId() + " was received");
            }
            return List.of(new Answered(answer.letterId(), answer.answer()));
        }

        @Override
        public Letter evolve(Letter letter, LetterEvent event) {
            if (event instanceof Received received) {
                return new Letter(received.sender(), List.of());
            }
            List<String> answers = new ArrayList<>(letter.answers());
            answers.add(((Answered) event).answer());
            return new Letter(letter.sender(), List.copyOf(answers));
        }
    };

    private Letters() {
    }

    static EventCodec codec() {
        return PlatformEvents.codec().withEventClass(Received.class).withEventClass(Answered.class);
    }

    /** The real event store, with the codec a service would give it. */
    static EventStore store() {
        EventStore store = new EventStore();
        store.codec = codec();
        return store;
    }

    /** The real event store that seals free text under {@code keys}, knowing {@code more} event classes too. */
    static EventStore store(DataKeys keys, Class<?>... more) {
        EventStore store = new EventStore();
        EventCodec codec = codec();
        for (Class<?> eventClass : more) {
            codec.withEventClass(eventClass);
        }
        store.codec = codec;
        store.dataKeys = keys;
        return store;
    }
}
