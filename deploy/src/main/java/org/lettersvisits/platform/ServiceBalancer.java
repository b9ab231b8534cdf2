package org.lettersvisits.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The one address of a service that runs in several instances: a small reverse proxy in the launcher
 * on the service's port (8081 to 8084), so pages, scripts and tests keep one URL. Requests go round
 * robin to the instances that are ready (checked every second), else to those that are at least alive;
 * an instance that refuses the connection is skipped and the next one tried, which is safe for any
 * request because it never reached the service; an idempotent request (GET, PUT, DELETE...) whose
 * connection breaks is tried on the next instance too, anything else answers 502 (the client decides,
 * as it would for a lost answer). With none available it answers 503.
 */
final class ServiceBalancer implements Part {

    /** Hop-by-hop headers, and those the HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "expect");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final PlatformSettings.Service service;
    private final List<PlatformSettings.Instance> instances;
    private final Path logFile;
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final Map<String, Boolean> alive = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer server;
    private ExecutorService workers;
    private ScheduledExecutorService checks;

    ServiceBalancer(PlatformSettings settings, PlatformSettings.Service service) {
        this.service = service;
        this.instances = settings.instancesOf(service);
        this.logFile = settings.logDir().resolve(service.module() + "-balancer.log");
    }

    @Override
    public String name() {
        return service.module();
    }

    @Override
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", service.port()), 128);
        workers = Executors.newFixedThreadPool(32, runnable -> daemon(runnable, service.module() + "-balancer"));
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, service.module() + "-checks"));
        checks.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        server.start();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void check() {
        for (PlatformSettings.Instance instance : instances) {
            ready.put(instance.name(), HttpProbe.answers200(instance.baseUrl() + "/q/health/ready"));
            alive.put(instance.name(), HttpProbe.answers200(instance.baseUrl() + "/q/health/live"));
        }
    }

    /** The instances to try, in turn: the ready ones first (round robin), then those only alive, then the rest. */
    private List<PlatformSettings.Instance> order() {
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        List<PlatformSettings.Instance> rotated = new java.util.ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            rotated.add(instances.get((start + i) % instances.size()));
        }
        rotated.sort(java.util.Comparator.comparingInt(i -> ready.getOrDefault(i.name(), false) ? 0
                : alive.getOrDefault(i.name(), false) ? 1 : 2));
        return rotated;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            for (PlatformSettings.Instance instance : order()) {
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request(exchange, instance, body), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException | HttpConnectTimeoutException notReached) {
                    continue; // the request never reached this instance: the next one may take it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (IOException lost) {
                    if (IDEMPOTENT.contains(exchange.getRequestMethod())) {
                        continue; // repeating it on another instance changes nothing it would not have changed
                    }
                    answer(exchange, 502, "the instance " + instance.name() + " dropped the request: " + lost.getMessage());
                    return;
                }
                response.headers().map().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                byte[] answer = response.body();
                boolean empty = answer.length == 0 || response.statusCode() == 204 || response.statusCode() == 304
                        || "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
                if (!empty) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
                return;
            }
            answer(exchange, 503, "no instance of " + service.module() + " is reachable");
        }
    }

    private static HttpRequest request(HttpExchange exchange, PlatformSettings.Instance instance, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header("X-Forwarded-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        return request.build();
    }

    private static void answer(HttpExchange exchange, int status, String detail) throws IOException {
        byte[] problem = ("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + detail.replace("\"", "'")
                + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, problem.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(problem);
        }
    }

    @Override
    public boolean isReady() {
        return ready.values().stream().anyMatch(Boolean::booleanValue);
    }

    @Override
    public boolean isAlive() {
        return server != null;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public String endpoint() {
        return service.baseUrl() + "/  (balanced over " + instances.stream().map(PlatformSettings.Instance::name).toList()
                + "; API docs: " + service.baseUrl() + "/q/swagger-ui)";
    }
}
