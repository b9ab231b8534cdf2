package org.lettersvisits.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error a service answers, as {@code application/problem+json}; a refused command and a lost race are answered
 * by the event store's own {@link org.lettersvisits.eventstore.CommandProblems}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return Problem.invalid("The request has invalid fields.", violations).toResponse();
    }

    /** The field's path inside the request (e.g. {@code petitioner.idNumber}), without method and parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER
                        && node.getKind() != ElementKind.RETURN_VALUE)
                .map(Path.Node::getName)
                .collect(Collectors.joining("."));
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidField e) {
        return Problem.invalid("The request has invalid fields.",
                List.of(new Problem.Violation(e.field(), e.getMessage()))).toResponse();
    }

    /** Declared for this exact type so it wins over Quarkus' built-in mapper of it. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            String message = e instanceof InvalidFormatException format && format.getTargetType().isEnum()
                    ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
                    : "has the wrong type or format";
            return Problem.invalid("The request body does not fit the expected fields.",
                    List.of(new Problem.Violation(field, message))).toResponse();
        }
        return Problem.invalid("The request body is not valid JSON.", List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable);
        }
        return Problem.of(e.getResponse().getStatus(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problem.of(500, "Something went wrong; nothing was changed.").toResponse();
    }
}
