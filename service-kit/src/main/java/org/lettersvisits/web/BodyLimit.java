package org.lettersvisits.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused with 413 as problem+json, like
 * every other refusal, before anything reads it: announced by its Content-Length, at once; sent in chunks,
 * when the server's limit stops it.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(-200).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit)) {
                refuse(context, "the body has " + length + " bytes; at most " + limit + " are accepted");
                return;
            }
            context.next();
        });
        router.errorHandler(413, context -> refuse(context, "the body is larger than the " + limit + " bytes accepted"));
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the server refuses a malformed length itself
        }
    }

    private static void refuse(RoutingContext context, String detail) {
        if (context.response().ended()) {
            return;
        }
        String body;
        try {
            body = EventCodec.JSON.writeValueAsString(Problem.of(413, detail));
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
