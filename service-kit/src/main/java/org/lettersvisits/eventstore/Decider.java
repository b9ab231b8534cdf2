package org.lettersvisits.eventstore;

import java.util.List;

/**
 * An aggregate as a pure function pair: {@code decide} turns a command and the current state into
 * new events (or rejects the command by throwing {@link CommandRejected}); {@code evolve} applies
 * one event to a state. No I/O, no mutation: tests read given / when / then.
 *
 * @param <C> the commands
 * @param <E> the events
 * @param <S> the state
 */
public interface Decider<C, E, S> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    /** The state after all {@code events}, from the initial state. */
    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
