package org.lettersvisits.observability;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every log line written while serving a request says about it: {@code user} (the token's user
 * name, never a petitioner's data) and {@code requestId} (the caller's {@code X-Request-Id}, else a new
 * one), in the MDC that the JSON logs carry.
 */
public class RequestLogContext {

    @ServerRequestFilter
    public void put(ContainerRequestContext request) {
        String requestId = request.getHeaderString("X-Request-Id");
        MDC.put("requestId", requestId == null || requestId.isBlank() || requestId.length() > 100
                ? UUID.randomUUID().toString() : requestId);
        var user = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (user != null) {
            MDC.put("user", user.getName());
        }
    }
}
