package org.lettersvisits.privacy;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lettersvisits.problem.Problem;

/** A command that must seal text under a key not known here yet is answered 503 with a retry hint: nothing was written. */
public class NoDataKeyProblem {

    @ServerExceptionMapper
    public Response noDataKey(NoDataKey e) {
        return Response.fromResponse(Problem.of(503, "The petition's data key has not reached this service yet; try again in"
                + " a few seconds.").toResponse()).header("Retry-After", "2").build();
    }
}
