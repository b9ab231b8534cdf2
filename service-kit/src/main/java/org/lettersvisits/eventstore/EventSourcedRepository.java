package org.lettersvisits.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Loads an aggregate by folding its events and runs commands against it: load, decide, append,
 * all in the caller's transaction. One per aggregate type; built by the owning service around
 * its {@link Decider}.
 */
public final class EventSourcedRepository<C, E, S> {

    /** A view kept in the same transaction as the aggregate's events, such as a queue or worklist row. */
    @FunctionalInterface
    public interface View<E, S> {
        Uni<Void> save(SqlClient transaction, Aggregate<E, S> aggregate);
    }

    /** What a command did: the aggregate after it, and the events it recorded. */
    public record Outcome<E, S>(Aggregate<E, S> aggregate, List<StoredEvent<E>> recorded) {
    }

    private final EventStore store;
    private final Decider<C, E, S> decider;
    private final String aggregateType;
    private final Class<E> eventType;
    private final Publishing<E> publishing;

    /** A repository whose events are published as they are on {@code topic}, keyed by the aggregate's id. */
    public EventSourcedRepository(EventStore store, Decider<C, E, S> decider, String aggregateType,
            Class<E> eventType, String topic) {
        this(store, decider, aggregateType, eventType, Publishing.asIs(topic));
    }

    public EventSourcedRepository(EventStore store, Decider<C, E, S> decider, String aggregateType,
            Class<E> eventType, Publishing<E> publishing) {
        this.store = store;
        this.decider = decider;
        this.aggregateType = aggregateType;
        this.eventType = eventType;
        this.publishing = publishing;
    }

    public Uni<Aggregate<E, S>> load(SqlClient client, UUID id) {
        return store.load(client, id, eventType).map(history -> new Aggregate<>(id, decider.fold(
                history.stream().map(StoredEvent::event).toList()), history.size(), history));
    }

    /**
     * Runs {@code command} against the aggregate's current state and appends what it decides.
     *
     * @param expectedVersion the version the caller last saw ({@code If-Match}), or null for "any"
     */
    public Uni<Outcome<E, S>> handle(SqlClient transaction, UUID id, C command, Integer expectedVersion,
            EventMetadata metadata) {
        return handle(transaction, id, command, expectedVersion, metadata, state -> {
        });
    }

    /**
     * Like {@link #handle(SqlClient, UUID, C, Integer, EventMetadata)}, with a {@code precondition} checked
     * against the state loaded in this transaction before deciding (such as who may act on the
     * aggregate): a check made on an older read could be overtaken by a concurrent change.
     */
    public Uni<Outcome<E, S>> handle(SqlClient transaction, UUID id, C command, Integer expectedVersion,
            EventMetadata metadata, Consumer<S> precondition) {
        Timer.Sample started = Timer.start();
        return decide(transaction, id, command, expectedVersion, metadata, precondition)
                .onItemOrFailure().invoke((outcome, failure) -> started.stop(Timer.builder("lettersvisits.commands")
                        .tag("command", command.getClass().getSimpleName()).tag("outcome", outcomeOf(failure))
                        .publishPercentileHistogram().register(Metrics.globalRegistry)));
    }

    /** The outcome of a command as the command metrics name it. */
    private static String outcomeOf(Throwable failure) {
        if (failure == null) {
            return "recorded";
        }
        if (failure instanceof CommandRejected rejected) {
            return "rejected_" + rejected.reason().name().toLowerCase(java.util.Locale.ROOT);
        }
        return failure instanceof ConcurrencyConflict ? "conflict" : "failed";
    }

    private Uni<Outcome<E, S>> decide(SqlClient transaction, UUID id, C command, Integer expectedVersion,
            EventMetadata metadata, Consumer<S> precondition) {
        return load(transaction, id).chain(current -> {
            if (expectedVersion != null && expectedVersion != current.version()) {
                return Uni.createFrom().failure(new ConcurrencyConflict(id,
                        "expected version " + expectedVersion + ", found " + current.version(), true));
            }
            precondition.accept(current.state());
            List<E> events = decider.decide(command, current.state());
            return store.append(transaction, aggregateType, id, current.version(), events, metadata, publishing)
                    .onFailure(ConcurrencyConflict.class).transform(e -> expectedVersion == null ? e
                            : new ConcurrencyConflict(id, e.getMessage(), true))
                    .map(recorded -> {
                        S state = current.state();
                        for (E event : events) {
                            state = decider.evolve(state, event);
                        }
                        List<StoredEvent<E>> history = new ArrayList<>(current.history());
                        history.addAll(recorded);
                        return new Outcome<>(new Aggregate<>(id, state, history.size(), history), recorded);
                    });
        });
    }

    /**
     * Runs {@code command} like {@link #handle} and, when it recorded events, saves {@code view} in the
     * same transaction; returns the aggregate after the command.
     */
    public Uni<Aggregate<E, S>> handleAndSave(SqlClient transaction, UUID id, C command, Integer expectedVersion,
            EventMetadata metadata, View<E, S> view) {
        return handleAndSave(transaction, id, command, expectedVersion, metadata, state -> {
        }, view);
    }

    /** {@link #handleAndSave} with a precondition on the loaded state, as {@link #handle(SqlClient, UUID, C, Integer, EventMetadata, Consumer)}. */
    public Uni<Aggregate<E, S>> handleAndSave(SqlClient transaction, UUID id, C command, Integer expectedVersion,
            EventMetadata metadata, Consumer<S> precondition, View<E, S> view) {
        return handle(transaction, id, command, expectedVersion, metadata, precondition)
                .call(outcome -> outcome.recorded().isEmpty() ? Uni.createFrom().voidItem()
                        : view.save(transaction, outcome.aggregate()))
                .map(Outcome::aggregate);
    }
}
