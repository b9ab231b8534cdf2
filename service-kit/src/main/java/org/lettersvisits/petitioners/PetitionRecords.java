package org.lettersvisits.petitioners;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Petition-service's records of petitioners, as the user at hand may see them. Only petition-service holds who the
 * petitioner is (the public events carry no person); assignment-service's case file and followup-service's worklist
 * ask it here, sending the user's own bearer token, so petition-service decides by its own access rules and writes
 * every showing to its own access log. No transaction is open while it is asked. A refusal is passed on (403, 404);
 * a petition-service that cannot answer in {@code petition-records.timeout} is {@link Unavailable}, which callers
 * show as such instead of failing the rest of the page.
 */
@ApplicationScoped
public class PetitionRecords {

    /** A petitioner as a worklist shows them: the name, the phone masked; {@code erased}: nothing left to show. */
    public record Contact(UUID petitionId, String name, String phone, boolean erased) {
    }

    /** Petition-service did not answer, or answered with an error of its own. */
    public static final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final WebClient client;
    private final JsonWebToken token;
    private final ObjectMapper json;
    private final String baseUrl;
    private final Duration timeout;

    PetitionRecords(Vertx vertx, JsonWebToken token, ObjectMapper json,
            @ConfigProperty(name = "petition-records.url") String baseUrl,
            @ConfigProperty(name = "petition-records.timeout", defaultValue = "PT3S") Duration timeout) {
        this.client = WebClient.create(vertx);
        this.token = token;
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
    }

    /**
     * The petition's part of a case file ({@code GET /api/petitions/{id}/case-file}): the petitioner with phone and
     * address masked, the description, the visits and the timeline. Petition-service logs the reading.
     */
    public Uni<JsonNode> caseFile(UUID petitionId) {
        return send(client.getAbs(baseUrl + "/api/petitions/" + petitionId + "/case-file"), null)
                .map(this::body);
    }

    /** The petitioner's phone and address whole ({@code phone}, {@code address}); petition-service logs the reveal. */
    public Uni<JsonNode> reveal(UUID petitionId) {
        return send(client.postAbs(baseUrl + "/api/petitions/" + petitionId + "/petitioner/reveal"), null)
                .map(this::body);
    }

    /**
     * Name and masked phone of each petition the user may see among {@code petitionIds} (at most 100 a call), by
     * petition id; the others are left out. Petition-service logs the showing once for all of them.
     */
    public Uni<Map<UUID, Contact>> contacts(Collection<UUID> petitionIds) {
        if (petitionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        JsonObject request = new JsonObject().put("petitionIds",
                new JsonArray(petitionIds.stream().distinct().map(UUID::toString).toList()));
        return send(client.postAbs(baseUrl + "/api/petitions/contacts"), request).map(response -> {
            Map<UUID, Contact> contacts = new LinkedHashMap<>();
            for (JsonNode item : body(response).path("items")) {
                UUID id = UUID.fromString(item.path("petitionId").asText());
                contacts.put(id, new Contact(id, textOrNull(item.path("name")), textOrNull(item.path("phone")),
                        item.path("erased").asBoolean(false)));
            }
            return contacts;
        });
    }

    private Uni<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, JsonObject body) {
        request.putHeader("Accept", "application/json").timeout(timeout.toMillis());
        String raw = token.getRawToken();
        if (raw != null) {
            request.bearerTokenAuthentication(raw);
        }
        Uni<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
        return sent.onFailure().transform(failure -> new Unavailable("petition-service did not answer: "
                + failure.getMessage(), failure))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> response;
                    case 403 -> throw new ForbiddenException(detail(response, "petition-service refused"));
                    case 404, 410 -> throw new NotFoundException(detail(response, "no such petition"));
                    default -> throw new Unavailable("petition-service answered " + response.statusCode(), null);
                });
    }

    private JsonNode body(HttpResponse<Buffer> response) {
        try {
            return json.readTree(response.body().getBytes());
        } catch (java.io.IOException e) {
            throw new Unavailable("petition-service answered something that is not JSON", e);
        }
    }

    private String detail(HttpResponse<Buffer> response, String fallback) {
        try {
            JsonNode problem = json.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
            String detail = problem == null ? null : textOrNull(problem.path("detail"));
            return detail == null ? fallback : detail;
        } catch (java.io.IOException e) {
            return fallback;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
