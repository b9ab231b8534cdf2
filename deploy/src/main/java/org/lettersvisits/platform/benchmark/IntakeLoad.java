package org.lettersvisits.platform.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.lettersvisits.platform.PlatformSettings;

/**
 * Registrations through {@code POST /api/petitions} from {@code connections} clients at once, each with its own
 * HTTP connection, one request after another, as reception desks would: a warm-up, then {@code count} in all.
 */
final class IntakeLoad {

    private static final String BODY = """
            {"channel":"LETTER","receivedOn":"%s","receivedBy":"benchmark","petitioner":{"name":"Benchmark Writer"},
             "subject":"benchmark petition","involvesLawAndLitigation":false}""";

    private IntakeLoad() {
    }

    /** A registration's body: a letter received on {@code receivedOn}, not law and litigation. */
    static String body(LocalDate receivedOn) {
        return BODY.formatted(receivedOn);
    }

    static Intake run(PlatformSettings settings, String token, LocalDate receivedOn, int connections, int count)
            throws Exception {
        String body = body(receivedOn);
        URI url = URI.create(settings.services().get(0).baseUrl() + "/api/petitions");
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            int warmUp = Math.max(connections * 5, Math.min(count / 10, 200));
            load(pool, clients, url, token, body, warmUp, new Latencies(warmUp), new AtomicInteger()); // not counted
            Latencies latencies = new Latencies(count);
            AtomicInteger errors = new AtomicInteger();
            long start = System.nanoTime();
            load(pool, clients, url, token, body, count, latencies, errors);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Intake(connections, count, count / seconds, latencies.percentileMillis(50),
                    latencies.percentileMillis(99), errors.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void load(ExecutorService pool, List<HttpClient> clients, URI url, String token, String body,
            int count, Latencies latencies, AtomicInteger errors) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        List<Future<?>> workers = new ArrayList<>();
        for (HttpClient client : clients) {
            workers.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                while (left.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
    }
}
