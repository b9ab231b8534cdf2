package org.lettersvisits.web;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a service's web page needs before it can sign in: the OIDC issuer, the public client it signs in
 * with, and where the four services' pages live (for the shared header and for cross-service calls).
 * Open to anyone: it holds no secret.
 */
@Path("/ui/config.json")
@PermitAll
public class PageSettings {

    /** The settings as the page reads them. */
    public record Settings(String issuer, String clientId, String self, Map<String, String> services) {
    }

    @ConfigProperty(name = "oidc.issuer", defaultValue = "http://localhost:8180/realms/petitions")
    String issuer;

    @ConfigProperty(name = "web.client-id", defaultValue = "petitions-web")
    String clientId;

    @ConfigProperty(name = "web.self")
    String self;

    @ConfigProperty(name = "platform.petition-url", defaultValue = "http://localhost:8081")
    String petition;

    @ConfigProperty(name = "platform.assignment-url", defaultValue = "http://localhost:8082")
    String assignment;

    @ConfigProperty(name = "platform.followup-url", defaultValue = "http://localhost:8083")
    String followup;

    @ConfigProperty(name = "platform.reporting-url", defaultValue = "http://localhost:8084")
    String reporting;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Settings settings() {
        return new Settings(issuer, clientId, self, Map.of("petition", petition, "assignment", assignment,
                "followup", followup, "reporting", reporting));
    }
}
