package org.lettersvisits.problem;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem response ({@code application/problem+json}); validation problems list the
 * offending fields in {@code violations}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed validation and why. */
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", titleOf(status), status, detail, null);
    }

    private static String titleOf(int status) {
        if (status == 422) {
            return "Unprocessable Content";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem("about:blank", "Bad Request", 400, detail, violations);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
