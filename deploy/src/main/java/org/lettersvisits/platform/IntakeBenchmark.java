package org.lettersvisits.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * {@code ./platform benchmark [count]}: registers {@code count} petitions (default 1,000) one after
 * another through {@code POST /api/petitions} of a running platform, as reception1, and prints
 * registrations per second. A measurement, not a test: nothing is asserted.
 */
public final class IntakeBenchmark {

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.passwordGrant(http, settings, "reception1");
        String url = settings.services().get(0).baseUrl() + "/api/petitions";
        String body = """
                {"channel":"LETTER","receivedBy":"benchmark","petitioner":{"name":"Benchmark Writer"},
                 "subject":"benchmark petition","involvesLawAndLitigation":false}""";

        for (int i = 0; i < Math.min(50, count); i++) { // warm-up, not counted
            post(http, url, token, body);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            post(http, url, token, body);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d sequential registrations in %.2f s: %.1f registrations/s (%.2f ms each)%n",
                count, seconds, count / seconds, seconds * 1000 / count);
    }

    private static void post(HttpClient http, String url, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + response.statusCode() + " " + response.body());
        }
    }
}
