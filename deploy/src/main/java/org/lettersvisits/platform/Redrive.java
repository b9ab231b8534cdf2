package org.lettersvisits.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * {@code ./platform redrive SERVICE}: against a running platform, shows what the service put aside and hands it
 * back, as admin1, after a fix or an upgrade: its dead letters to its consumers ({@code /api/admin/dead-letters}),
 * the events of types it did not understand ({@code /api/admin/unrecognised-events}), and the events its relay
 * could not publish ({@code /api/admin/outbox/set-aside}). Running it twice changes nothing: what was applied is
 * reported as already applied.
 */
public final class Redrive {

    private Redrive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        if (args.length != 1) {
            System.err.println("Usage: ./platform redrive SERVICE   (one of "
                    + settings.services().stream().map(PlatformSettings.Service::module).toList() + ")");
            System.exit(2);
        }
        String module = args[0].endsWith("-service") ? args[0] : args[0] + "-service";
        PlatformSettings.Service service = settings.services().stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + args[0]));
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.passwordGrant(http, settings, "admin1");
        redrive(http, token, service.baseUrl() + "/api/admin/dead-letters", "dead letters");
        redrive(http, token, service.baseUrl() + "/api/admin/unrecognised-events", "events of types not understood");
        if (!module.equals("reporting-service")) { // reporting publishes nothing: it has no outbox
            redrive(http, token, service.baseUrl() + "/api/admin/outbox/set-aside", "events the relay set aside");
        }
    }

    /** Shows what waits at {@code url} and hands it back ({@code url/redrive}). */
    private static void redrive(HttpClient http, String token, String url, String what)
            throws IOException, InterruptedException {
        System.out.println(what + " before: " + send(http, HttpRequest.newBuilder(URI.create(url)).GET(), token));
        System.out.println(what + ", redrive: " + send(http, HttpRequest.newBuilder(URI.create(url + "/redrive"))
                .POST(HttpRequest.BodyPublishers.noBody()), token));
    }

    private static String send(HttpClient http, HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
