package org.lettersvisits.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local platform's trace collector: an OTLP/HTTP receiver on 127.0.0.1 that every service exports its
 * spans to ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). It writes one line per span to
 * {@code logs/traces.log} (time, trace id, span id, parent, service, kind, name, duration), so
 * {@code grep <trace id>} shows a request's way through the services, and keeps the latest spans in
 * memory for the end-to-end tests. A deployment sends the same spans to its own collector instead
 * (Jaeger, Tempo, an OpenTelemetry Collector).
 */
public final class TraceCollector implements Part {

    private static final int KEPT = 200_000;

    private final PlatformSettings settings;
    private final Deque<OtlpSpans.Span> latest = new ArrayDeque<>();
    private HttpServer server;
    private Writer log;

    public TraceCollector(PlatformSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "trace collector";
    }

    @Override
    public synchronized void start() throws IOException {
        Files.createDirectories(settings.logDir());
        log = Files.newBufferedWriter(logFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.tracesPort()), 50);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "trace-collector");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::receive);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            List<OtlpSpans.Span> spans;
            try {
                spans = OtlpSpans.decode(body);
            } catch (IllegalArgumentException notOtlp) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            keep(spans);
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
        }
    }

    private synchronized void keep(List<OtlpSpans.Span> spans) throws IOException {
        for (OtlpSpans.Span span : spans) {
            latest.addLast(span);
            if (latest.size() > KEPT) {
                latest.removeFirst();
            }
            log.write(String.format("%s trace=%s span=%s parent=%s %s %s \"%s\" %d µs%n",
                    Instant.ofEpochSecond(0, span.startNanos()), span.traceId(), span.spanId(),
                    span.parentSpanId().isEmpty() ? "-" : span.parentSpanId(), span.service(), span.kind(),
                    span.name(), span.durationMicros()));
        }
        log.flush();
    }

    /** The spans of one trace received so far, oldest first. */
    public synchronized List<OtlpSpans.Span> trace(String traceId) {
        return latest.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    @Override
    public synchronized boolean isReady() {
        return server != null;
    }

    @Override
    public synchronized boolean isAlive() {
        return server != null;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                // the log is only for reading afterwards
            }
            log = null;
        }
    }

    @Override
    public Path logFile() {
        return settings.logDir().resolve("traces.log");
    }

    /** The address the services export to. */
    public String url() {
        return "http://127.0.0.1:" + settings.tracesPort();
    }

    @Override
    public String endpoint() {
        return url() + "  (OTLP/HTTP; one line per span in " + logFile() + ")";
    }
}
