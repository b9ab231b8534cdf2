package org.lettersvisits.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the platform's APIs as its users do: a token per user (fetched again when it expires), JSON both ways. */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** The four services, by their place in {@link PlatformSettings#services()}. */
    public static final int PETITION = 0;
    public static final int ASSIGNMENT = 1;
    public static final int FOLLOWUP = 2;
    public static final int REPORTING = 3;

    /** An answer: its status and body (empty when there was none or it was not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean is2xx() {
            return status >= 200 && status < 300;
        }
    }

    private final PlatformSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public ApiClient(PlatformSettings settings) {
        this.settings = settings;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public Answer get(String user, int service, String path) throws IOException, InterruptedException {
        return call(user, service, "GET", path, null, Map.of());
    }

    public Answer post(String user, int service, String path, Object body) throws IOException, InterruptedException {
        return call(user, service, "POST", path, body, Map.of());
    }

    /**
     * One call; an expired token is replaced once. Throws IOException when no answer came (refused,
     * reset, timed out): the caller cannot know whether the request took effect.
     */
    public Answer call(String user, int service, String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        Answer answer = send(user, service, method, path, body, headers);
        if (answer.status() == 401) {
            tokens.remove(user);
            answer = send(user, service, method, path, body, headers);
        }
        return answer;
    }

    /** One call to one instance of a service (its own address, not the balancer's). */
    public Answer callInstance(PlatformSettings.Instance instance, String user, String method, String path)
            throws IOException, InterruptedException {
        return send(user, instance.baseUrl(), method, path, null, Map.of());
    }

    private Answer send(String user, int service, String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(user, settings.services().get(service).baseUrl(), method, path, body, headers);
    }

    private Answer send(String user, String baseUrl, String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = JSON.createObjectNode();
        }
        return new Answer(response.statusCode(), json);
    }

    private String token(String user) throws IOException, InterruptedException {
        String token = tokens.get(user);
        if (token == null) {
            token = Tokens.passwordGrant(http, settings, user);
            tokens.put(user, token);
        }
        return token;
    }

    /** Whether a service answers its readiness check with 200. */
    public boolean ready(int service) {
        return ready(settings.services().get(service).baseUrl());
    }

    /** Whether the service at {@code baseUrl} (a service's address, or one instance's) answers its readiness check with 200. */
    public boolean ready(String baseUrl) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
