package org.lettersvisits.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** What a span keeps of a query string once {@link QueryFreeSpans} has seen it start. */
class QueryFreeSpansTest {

    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> TARGET = AttributeKey.stringKey("http.target");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");

    @Test
    void the_values_of_queries_are_redacted_in_attributes_set_as_the_span_starts_and_in_its_name() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(new QueryFreeSpans())
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
        Tracer tracer = tracing.get("test");
        tracer.spanBuilder("GET /api/petitions?q=张三").setAttribute(QUERY, "q=张三&page=0&13712345678")
                .setAttribute(FULL, "http://localhost:8081/api/petitions?q=%E5%BC%A0%E4%B8%89#top")
                .setAttribute(TARGET, "/api/petitions?q=张三").setAttribute(PATH, "/api/petitions/42")
                .setAttribute("messaging.destination.name", "petition-events").startSpan().end();
        SpanData span = exported.getFinishedSpanItems().get(0); // before close(): closing empties the exporter
        tracing.close();

        assertThat(span.getName()).isEqualTo("GET /api/petitions?q=REDACTED");
        assertThat(span.getAttributes().get(QUERY)).isEqualTo("q=REDACTED&page=REDACTED&REDACTED");
        assertThat(span.getAttributes().get(FULL)).isEqualTo("http://localhost:8081/api/petitions?q=REDACTED");
        assertThat(span.getAttributes().get(TARGET)).isEqualTo("/api/petitions?q=REDACTED");
        assertThat(span.getAttributes().get(PATH)).isEqualTo("/api/petitions/42");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo("petition-events");
    }

    @Test
    void text_without_a_query_is_left_as_it_is() {
        assertThat(QueryFreeSpans.withoutQueryValues("POST /api/petitions/search")).isEqualTo("POST /api/petitions/search");
        assertThat(QueryFreeSpans.withoutQueryValues("GET /a?x=1 and /b?y=2")).isEqualTo("GET /a?x=REDACTED and /b?y=REDACTED");
        assertThat(QueryFreeSpans.redacted("")).isEmpty();
    }
}
