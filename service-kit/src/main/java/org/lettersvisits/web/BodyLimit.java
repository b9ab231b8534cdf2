package org.lettersvisits.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body larger than the service accepts is refused with 413 as problem+json, like every other refusal, before
 * anything reads it: announced by its Content-Length, at once; sent in chunks, when the server's limit stops it.
 * <p>
 * Every path takes {@code lettersvisits.http.max-body-size} (by default the server's own limit,
 * {@code quarkus.http.limits.max-body-size}); the upload paths ({@code lettersvisits.http.upload-paths}, regular
 * expressions matched against the whole path) take up to the server's limit, which a service with uploads sets to its
 * largest file and the form around it. So a service that takes files of 10 MiB still refuses a JSON body of 65 KiB
 * announced as such; a body sent in chunks is bounded by the server's limit alone.
 * <p>
 * A body refused by its Content-Length is read to its end and dropped before the 413 is sent (up to
 * {@link #READ_AT_MOST}; a larger one is cut off): a server that answers and closes while the sender is still writing
 * leaves it a connection reset instead of the answer, which is all a browser would show for a file too large. A body
 * sent in chunks cannot be measured before it arrives: stopped at the server's limit, it is answered 413 and the
 * connection closed, so the sender stops writing (it may see the close before the answer).
 */
@ApplicationScoped
public class BodyLimit {

    /** The largest announced body read through to its end before the 413, so the sender sees the answer. */
    static final long READ_AT_MOST = 64L * 1024 * 1024;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @ConfigProperty(name = "lettersvisits.http.max-body-size")
    Optional<MemorySize> ordinaryBodySize;

    @ConfigProperty(name = "lettersvisits.http.upload-paths")
    Optional<List<String>> uploadPaths;

    void install(@Observes Router router) {
        long serverLimit = maxBodySize.asLongValue();
        long ordinary = Math.min(serverLimit, ordinaryBodySize.map(MemorySize::asLongValue).orElse(serverLimit));
        List<Pattern> uploads = uploadPaths.orElse(List.of()).stream().map(Pattern::compile).toList();
        router.route().order(-200).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            long limit = uploads.stream().anyMatch(p -> p.matcher(context.request().path()).matches()) ? serverLimit
                    : ordinary;
            if (length != null && isOver(length, limit)) {
                String detail = "the body has " + length + " bytes; at most " + limit + " are accepted";
                if (isOver(length, READ_AT_MOST) || context.request().isEnded()) {
                    refuse(context, detail);
                } else {
                    context.request().handler(dropped -> {
                    }).endHandler(end -> refuse(context, detail)).resume();
                }
                return;
            }
            context.next();
        });
        router.errorHandler(413, context -> refuse(context, "the body is larger than the " + serverLimit
                + " bytes accepted"));
        // the REST layer's multipart parser stops a body sent in chunks at the server's limit by failing the request
        router.route().order(-200).failureHandler(context -> {
            if (context.failure() instanceof WebApplicationException e && e.getResponse().getStatus() == 413) {
                refuse(context, "the body is larger than the " + serverLimit + " bytes accepted");
            } else {
                context.next();
            }
        });
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
        // closed after the answer, as it says: the rest of a body not read to its end is not taken as the next request
        context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body).onComplete(sent -> context.request().connection().close());
    }
}
