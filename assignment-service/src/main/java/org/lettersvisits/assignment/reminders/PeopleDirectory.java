package org.lettersvisits.assignment.reminders;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The people reminders go to, as the identity provider knows them: the users holding a realm role, with the e-mail
 * address and name of their profile. Read from Keycloak's admin API with the service account of the
 * {@code petitions-reminders} client (allowed to view users, nothing else), fresh at every run, so a new officer or a
 * changed address counts from the next digest.
 */
@ApplicationScoped
public class PeopleDirectory {

    /** A user with the address of their profile (absent when they have none). */
    public record Person(String username, String firstName, String lastName, String email) {

        /**
         * Whether a case's "responsible leader" names this person: by full name in either order (王建国 is lastName
         * 王 and firstName 建国; Leader P is firstName Leader, lastName P), spaces and case aside, or by user name.
         */
        boolean isCalled(String responsibleLeader) {
            String wanted = normal(responsibleLeader);
            return !wanted.isEmpty() && (wanted.equals(normal(firstName + lastName))
                    || wanted.equals(normal(lastName + firstName)) || wanted.equals(normal(username)));
        }

        private static String normal(String name) {
            return name == null ? "" : name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "reminders.directory.url")
    Optional<String> keycloak;

    @ConfigProperty(name = "reminders.directory.realm", defaultValue = "petitions")
    String realm;

    @ConfigProperty(name = "reminders.directory.client-id", defaultValue = "petitions-reminders")
    String clientId;

    @ConfigProperty(name = "reminders.directory.client-secret")
    Optional<String> clientSecret;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Whether a directory is configured at all (the service tests run without one). */
    public boolean configured() {
        return keycloak.isPresent() && clientSecret.isPresent();
    }

    /** The users holding {@code role} (their own role or through a group), on a worker thread. */
    public Uni<List<Person>> withRole(String role) {
        return Uni.createFrom().item(() -> read(role)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private List<Person> read(String role) {
        try {
            String token = token();
            List<Person> people = new ArrayList<>();
            for (int first = 0;; first += 100) {
                JsonNode page = get("/admin/realms/" + realm + "/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8)
                        + "/users?briefRepresentation=false&first=" + first + "&max=100", token);
                for (JsonNode user : page) {
                    if (user.path("enabled").asBoolean(true)) {
                        people.add(new Person(user.path("username").asText(), user.path("firstName").asText(""),
                                user.path("lastName").asText(""), user.hasNonNull("email") ? user.get("email").asText() : null));
                    }
                }
                if (page.size() < 100) {
                    return people;
                }
            }
        } catch (IOException e) {
            throw new DirectoryUnavailable("cannot read the users of role " + role + " from " + keycloak.orElse("?"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("interrupted reading role " + role, e);
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret.orElseThrow(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/realms/" + realm
                + "/protocol/openid-connect/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        return json.readTree(response.body()).get("access_token").asText();
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return json.createArrayNode(); // a role nobody holds yet, or one not made in this realm
        }
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private String base() {
        return keycloak.orElseThrow().replaceAll("/+$", "");
    }

    /** The identity provider could not be read; the run is tried again at its next pass. */
    public static class DirectoryUnavailable extends RuntimeException {
        DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
