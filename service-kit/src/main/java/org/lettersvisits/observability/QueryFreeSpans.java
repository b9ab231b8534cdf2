package org.lettersvisits.observability;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps the values of query strings out of every span the service exports: petitioners' names and phone
 * numbers travel in them ({@code GET /api/petitions?q=张三}). The HTTP instrumentation (Quarkus's Vert.x tracer,
 * server and client) sets {@code url.query} and, for a client, {@code url.full} when it starts a span; older
 * conventions named them {@code http.target} and {@code http.url}. When a span starts, each value in such a query
 * becomes {@code REDACTED} (the parameters' names stay: {@code q=REDACTED&page=REDACTED}, as the semantic
 * conventions redact sensitive parameters), any other attribute that is a URL or a path with a query loses its
 * query the same way, and a span name with a query loses it. An attribute cannot be removed from a span, nor changed
 * once it has ended, hence at its start; path parameters are ids and stay.
 */
@Singleton
public class QueryFreeSpans implements SpanProcessor {

    static final String REDACTED = "REDACTED";
    /** Attributes whose whole value is a query string. */
    private static final List<AttributeKey<String>> QUERIES = List.of(AttributeKey.stringKey("url.query"));
    /** A URL or a request target with a query: {@code /path?query} or {@code scheme://host/path?query}. */
    private static final Pattern URL_WITH_QUERY = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s?#]*|/[^\\s?#]*)\\?.*",
            Pattern.DOTALL);
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]-]{0,63}");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String name = span.getName();
        String cleanName = withoutQueryValues(name);
        if (!cleanName.equals(name)) {
            span.updateName(cleanName);
        }
        for (AttributeKey<String> key : QUERIES) {
            String query = span.getAttribute(key);
            if (query != null && !query.isEmpty()) {
                span.setAttribute(key, redacted(query));
            }
        }
        span.getAttributes().forEach((key, value) -> {
            if (value instanceof String text && !QUERIES.contains(key) && URL_WITH_QUERY.matcher(text).matches()) {
                @SuppressWarnings("unchecked")
                AttributeKey<String> textKey = (AttributeKey<String>) key;
                span.setAttribute(textKey, withoutQueryValues(text));
            }
        });
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    /** {@code text} with the values of every query in it (a {@code ?} up to white space or {@code #}) redacted. */
    static String withoutQueryValues(String text) {
        int start = text.indexOf('?');
        if (start < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        int from = 0;
        while (start >= 0) {
            int end = start + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '#') {
                end++;
            }
            clean.append(text, from, start + 1).append(redacted(text.substring(start + 1, end)));
            from = end < text.length() && text.charAt(end) == '#' ? skipFragment(text, end) : end;
            start = text.indexOf('?', from);
        }
        return clean.append(text, from, text.length()).toString();
    }

    private static int skipFragment(String text, int hash) {
        int end = hash;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** A query string with each value {@code REDACTED}; a parameter whose name does not look like one is redacted whole. */
    static String redacted(String query) {
        StringBuilder clean = new StringBuilder();
        for (String parameter : query.split("[&;]", -1)) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            clean.append(clean.length() == 0 ? "" : "&")
                    .append(PARAMETER_NAME.matcher(name).matches() ? name + "=" + REDACTED : REDACTED);
        }
        return clean.toString();
    }
}
