package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The collector's reading of an OTLP export request, built here field by field as the exporter writes it. */
class OtlpSpansTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void reads_each_spans_service_ids_parent_name_kind_and_times_and_skips_what_it_does_not_know() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        byte[] span = message(
                bytes(1, HEX.parseHex(traceId)), bytes(2, HEX.parseHex("00f067aa0ba902b7")),
                bytes(3, "vendor=x".getBytes(StandardCharsets.UTF_8)), // trace_state: skipped
                bytes(4, HEX.parseHex("b7ad6b7169203331")), bytes(5, text("petition-events.v2 publish")),
                varint(6, 4), fixed64(7, 1_000_000_000L), fixed64(8, 1_002_500_000L), varint(99, 7));
        byte[] serviceName = message(bytes(1, text("service.name")), bytes(2, message(bytes(1, text("petition-service")))));
        byte[] other = message(bytes(1, text("host.name")), bytes(2, message(bytes(1, text("laptop")))));
        byte[] resource = message(bytes(1, other), bytes(1, serviceName));
        byte[] scopeSpans = message(bytes(1, message(bytes(1, text("io.smallrye.reactive.messaging")))), bytes(2, span));
        byte[] request = message(bytes(1, message(bytes(2, scopeSpans), bytes(1, resource))));

        List<OtlpSpans.Span> spans = OtlpSpans.decode(request);

        assertThat(spans).containsExactly(new OtlpSpans.Span("petition-service", traceId, "00f067aa0ba902b7",
                "b7ad6b7169203331", "petition-events.v2 publish", OtlpSpans.Kind.PRODUCER, 1_000_000_000L,
                1_002_500_000L));
        assertThat(spans.get(0).durationMicros()).isEqualTo(2_500);
    }

    @Test
    void refuses_what_is_not_protobuf() {
        assertThatThrownBy(() -> OtlpSpans.decode("{\"resourceSpans\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] message(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int field, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3 | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static byte[] fixed64(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3 | 1);
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
