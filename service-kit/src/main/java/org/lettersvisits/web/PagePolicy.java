package org.lettersvisits.web;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;

/**
 * The page holds the user's tokens in the browser, so it may run only its own scripts and talk only to
 * the four services and Keycloak: a Content-Security-Policy on the page itself ({@code /}). The API and
 * Swagger UI are left as they are.
 */
@ApplicationScoped
public class PagePolicy {

    @Inject
    PageSettings pages;

    void install(@Observes Router router) {
        String policy = policy(pages.settings());
        router.route().order(-100).handler(context -> {
            String path = context.normalizedPath();
            if ("/".equals(path) || "/index.html".equals(path)) {
                context.addHeadersEndHandler(ignored -> context.response().putHeader("Content-Security-Policy", policy));
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
