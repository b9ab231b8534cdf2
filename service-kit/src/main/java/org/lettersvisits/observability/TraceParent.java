package org.lettersvisits.observability;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * A span's W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}) as text, so the span that
 * caused an event can be stored with its outbox row and continued when the relay publishes it, maybe
 * minutes later and in another replica.
 */
public final class TraceParent {

    /** The record header (and HTTP header) that carries it. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The span current on this thread or Vert.x context, or null when none is being traced. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** The span a connector started for an incoming message (its consumer span), or null. */
    public static String ofMessage(Message<?> message) {
        return TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .map(context -> of(Span.fromContext(context).getSpanContext())).orElse(null);
    }

    static String of(SpanContext span) {
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }

    /** The context to continue a stored trace in: the root context (a new trace) when nothing was stored. */
    public static Context toContext(String traceParent) {
        return traceParent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceParent), FROM_MAP);
    }

    /** The trace id of a stored {@code traceparent}, if it is one. */
    public static Optional<String> traceIdOf(String traceParent) {
        SpanContext span = Span.fromContext(toContext(traceParent)).getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }
}
