package org.lettersvisits.eventstore;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lettersvisits.problem.Problem;

/**
 * How a refused command and a lost race are answered: not found 404, a transition the case's status forbids 409,
 * a command that cannot apply to what the aggregate holds 422; a stale {@code If-Match} 412, a race the user did not
 * cause 409 with words for people.
 */
public class CommandProblems {

    @ServerExceptionMapper
    public Response rejected(CommandRejected e) {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN_TRANSITION -> 409;
            case UNPROCESSABLE -> 422;
        };
        return Problem.of(status, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e) {
        return Problem.of(e.expectedVersionGiven() ? 412 : 409, e.detailForPeople()).toResponse();
    }
}
