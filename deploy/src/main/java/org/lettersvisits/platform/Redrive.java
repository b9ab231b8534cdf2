package org.lettersvisits.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * {@code ./platform redrive SERVICE}: against a running platform, shows the service's dead letters and
 * hands each to its consumer again ({@code POST /api/admin/dead-letters/redrive} as admin1), after a
 * fix. Running it twice changes nothing: what was applied is reported as already applied.
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
        String url = service.baseUrl() + "/api/admin/dead-letters";
        System.out.println("dead letters before: " + send(http, HttpRequest.newBuilder(URI.create(url)).GET(), token));
        System.out.println("redrive: " + send(http, HttpRequest.newBuilder(URI.create(url + "/redrive"))
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
