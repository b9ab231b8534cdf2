package org.lettersvisits.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the spans out of an OTLP {@code ExportTraceServiceRequest} (protobuf, as the services' exporters
 * send it over HTTP): for each span its service ({@code service.name} of its resource), trace and span
 * ids, parent, name, kind and times. Only the fields the launcher's collector shows are read; the rest
 * is skipped by wire type, so newer OTLP versions still decode.
 */
final class OtlpSpans {

    /** One finished span, as the collector keeps it. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
            long startNanos, long endNanos) {

        long durationMicros() {
            return (endNanos - startNanos) / 1_000;
        }
    }

    /** OTLP's {@code Span.SpanKind}, by its number. */
    enum Kind {
        UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

        static Kind of(long number) {
            return number >= 0 && number < values().length ? values()[(int) number] : UNSPECIFIED;
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private OtlpSpans() {
    }

    /** The spans of one export request; fails with {@link IllegalArgumentException} if it is not protobuf. */
    static List<Span> decode(byte[] request) {
        List<Span> spans = new ArrayList<>();
        Reader reader = new Reader(request, 0, request.length);
        while (reader.more()) {
            long tag = reader.varint();
            if (field(tag) == 1 && wire(tag) == 2) {
                resourceSpans(reader.embedded(), spans);
            } else {
                reader.skip(wire(tag));
            }
        }
        return spans;
    }

    private static void resourceSpans(Reader reader, List<Span> spans) {
        String service = "unknown";
        List<Reader> scopes = new ArrayList<>();
        while (reader.more()) {
            long tag = reader.varint();
            if (field(tag) == 1 && wire(tag) == 2) {
                service = serviceName(reader.embedded(), service);
            } else if (field(tag) == 2 && wire(tag) == 2) {
                scopes.add(reader.embedded());
            } else {
                reader.skip(wire(tag));
            }
        }
        for (Reader scope : scopes) {
            while (scope.more()) {
                long tag = scope.varint();
                if (field(tag) == 2 && wire(tag) == 2) {
                    spans.add(span(scope.embedded(), service));
                } else {
                    scope.skip(wire(tag));
                }
            }
        }
    }

    /** A resource's {@code service.name} attribute (KeyValue: 1 key, 2 AnyValue with 1 string_value). */
    private static String serviceName(Reader resource, String fallback) {
        String name = fallback;
        while (resource.more()) {
            long tag = resource.varint();
            if (field(tag) == 1 && wire(tag) == 2) {
                Reader attribute = resource.embedded();
                String key = null;
                String value = null;
                while (attribute.more()) {
                    long inner = attribute.varint();
                    if (field(inner) == 1 && wire(inner) == 2) {
                        key = attribute.text();
                    } else if (field(inner) == 2 && wire(inner) == 2) {
                        Reader any = attribute.embedded();
                        while (any.more()) {
                            long anyTag = any.varint();
                            if (field(anyTag) == 1 && wire(anyTag) == 2) {
                                value = any.text();
                            } else {
                                any.skip(wire(anyTag));
                            }
                        }
                    } else {
                        attribute.skip(wire(inner));
                    }
                }
                if ("service.name".equals(key) && value != null) {
                    name = value;
                }
            } else {
                resource.skip(wire(tag));
            }
        }
        return name;
    }

    private static Span span(Reader reader, String service) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        long start = 0;
        long end = 0;
        while (reader.more()) {
            long tag = reader.varint();
            switch ((int) field(tag)) {
                case 1 -> traceId = HEX.formatHex(reader.bytes());
                case 2 -> spanId = HEX.formatHex(reader.bytes());
                case 4 -> parent = HEX.formatHex(reader.bytes());
                case 5 -> name = reader.text();
                case 6 -> kind = Kind.of(reader.varint());
                case 7 -> start = reader.fixed64();
                case 8 -> end = reader.fixed64();
                default -> reader.skip(wire(tag));
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind, start, end);
    }

    private static long field(long tag) {
        return tag >>> 3;
    }

    private static int wire(long tag) {
        return (int) (tag & 7);
    }

    /** Protobuf's wire format over a slice of bytes. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private final int end;

        Reader(byte[] data, int from, int to) {
            this.data = data;
            this.position = from;
            this.end = to;
        }

        boolean more() {
            return position < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("not protobuf: a varint longer than 10 bytes");
        }

        long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) (next() & 0xff) << (8 * i);
            }
            return value;
        }

        byte[] bytes() {
            int length = length();
            byte[] copy = java.util.Arrays.copyOfRange(data, position, position + length);
            position += length;
            return copy;
        }

        String text() {
            int length = length();
            String text = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        Reader embedded() {
            int length = length();
            Reader inner = new Reader(data, position, position + length);
            position += length;
            return inner;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> advance(length());
                case 5 -> advance(4);
                default -> throw new IllegalArgumentException("not protobuf: wire type " + wireType);
            }
        }

        private int length() {
            long length = varint();
            if (length < 0 || position + length > end) {
                throw new IllegalArgumentException("not protobuf: a field runs past its message");
            }
            return (int) length;
        }

        private void advance(int count) {
            if (position + count > end) {
                throw new IllegalArgumentException("not protobuf: a field runs past its message");
            }
            position += count;
        }

        private byte next() {
            if (position >= end) {
                throw new IllegalArgumentException("not protobuf: the message ends inside a field");
            }
            return data[position++];
        }
    }
}
