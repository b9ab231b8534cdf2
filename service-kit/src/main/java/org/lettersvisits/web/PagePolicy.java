package org.lettersvisits.web;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;

/**
 * The page holds the user's tokens in the browser, so it may run only its own scripts and talk only to the four
 * services and Keycloak: a Content-Security-Policy on every page a service serves (any HTML answer, the page at
 * {@code /} and whatever HTML is added later, an error page included), and the strictest one on every JSON answer (it
 * needs nothing, so it may load nothing and be framed by nobody). Swagger UI, which runs inline scripts and is switched
 * off in production, is left as it is.
 */
@ApplicationScoped
public class PagePolicy {

    /** For an answer that is no page: nothing may be loaded, run, framed or submitted from it. */
    static final String NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Inject
    PageSettings pages;

    void install(@Observes Router router) {
        String policy = policy(pages.settings());
        router.route().order(-100).handler(context -> {
            if (!context.normalizedPath().startsWith("/q/swagger-ui")) {
                context.addHeadersEndHandler(ignored -> {
                    String type = context.response().headers().get("Content-Type");
                    if (type == null) {
                        return;
                    }
                    if (type.startsWith("text/html")) {
                        context.response().putHeader("Content-Security-Policy", policy);
                    } else if (type.startsWith("application/json") || type.startsWith("application/problem+json")) {
                        context.response().putHeader("Content-Security-Policy", NOTHING);
                    }
                });
            }
            context.next();
        });
    }

    static String policy(PageSettings.Settings settings) {
        String services = settings.services().values().stream().sorted().collect(Collectors.joining(" "));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self' " + services + " " + settings.issuer() + "/; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
