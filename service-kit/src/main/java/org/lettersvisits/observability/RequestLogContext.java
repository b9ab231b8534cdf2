package org.lettersvisits.observability;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every log line written while serving a request says about it: {@code user} (the token's user
 * name, never a petitioner's data), {@code correlationId} and, for a request about one case, petition or
 * return visit ({@code /api/cases/{id}/...}), its id as {@code aggregateId}, in the MDC that the JSON logs carry
 * (OpenTelemetry adds {@code traceId} and {@code spanId}). The correlation id is the caller's
 * {@code X-Correlation-Id} when that is a UUID, else a new one; every event the request causes, in any
 * service, carries it, and the response names it in {@code X-Correlation-Id}.
 */
public class RequestLogContext {

    /** The MDC key and, with the {@code X-} prefix, the HTTP header. */
    public static final String CORRELATION_ID = "correlationId";
    static final String HEADER = "X-Correlation-Id";

    @ServerRequestFilter
    public void put(ContainerRequestContext request) {
        MDC.put(CORRELATION_ID, correlationIdOf(request.getHeaderString(HEADER)).toString());
        var user = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (user != null) {
            MDC.put("user", user.getName());
        }
        request.getUriInfo().getPathParameters().values().stream().flatMap(java.util.List::stream)
                .filter(value -> value.length() == 36).findFirst()
                .ifPresent(id -> MDC.put("aggregateId", id)); // the case, petition or return visit it is about
    }

    @ServerResponseFilter
    public void name(ContainerResponseContext response) {
        Object id = MDC.get(CORRELATION_ID);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
        }
    }

    static UUID correlationIdOf(String header) {
        if (header != null && header.length() == 36) {
            try {
                return UUID.fromString(header);
            } catch (IllegalArgumentException notAUuid) {
                // a new one
            }
        }
        return UUID.randomUUID();
    }
}
