package org.lettersvisits.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in on Keycloak's login page as a browser does, without a browser: the authorization-code flow with PKCE of a
 * public client, the form fetched and posted with the session's cookies (sent over plain HTTP to 127.0.0.1 too, as a
 * browser does for localhost), redirects inside Keycloak followed, the one back to the client not.
 */
final class LoginForm {

    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** What Keycloak answered last: its status, its page, and where it sends the browser. */
    record Page(int status, String body, Optional<String> location) {

        /** The error shown beside the form, if any (e.g. "Invalid username or password."). */
        Optional<String> error() {
            Matcher error = Pattern.compile("(?s)id=\"input-error[^\"]*\".*?kc-feedback-text\">\\s*([^<]*?)\\s*<").matcher(body);
            return error.find() ? Optional.of(error.group(1).trim()) : Optional.empty();
        }

        /** A parameter of the redirect back to the client ({@code code}, {@code error}). */
        Optional<String> returned(String parameter) {
            return location.flatMap(uri -> List.of(URI.create(uri).getRawQuery() == null ? new String[0]
                    : URI.create(uri).getRawQuery().split("&")).stream().filter(p -> p.startsWith(parameter + "="))
                    .map(p -> URLDecoder.decode(p.substring(parameter.length() + 1), StandardCharsets.UTF_8)).findFirst());
        }
    }

    private final String realmUrl;
    private final String clientId;
    private final String redirectUri;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String verifier;
    private Page page;

    private LoginForm(String realmUrl, String clientId, String redirectUri) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Opens the login page of {@code realmUrl} for {@code clientId}, asking for {@code scope}, in English. */
    static LoginForm open(String realmUrl, String clientId, String redirectUri, String scope)
            throws IOException, InterruptedException {
        LoginForm form = new LoginForm(realmUrl, clientId, redirectUri);
        form.page = form.get(realmUrl + "/protocol/openid-connect/auth?" + query(Map.of("client_id", clientId,
                "redirect_uri", redirectUri, "response_type", "code", "scope", scope, "state", "s",
                "code_challenge", challenge(form.verifier), "code_challenge_method", "S256", "ui_locales", "en")));
        return form;
    }

    Page page() {
        return page;
    }

    /** Posts the current page's form with {@code fields}; follows Keycloak's own redirects to the next page. */
    Page submit(Map<String, String> fields) throws IOException, InterruptedException {
        Matcher action = ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no form on the page: " + page.status() + " " + page.location());
        }
        String url = action.group(1).replace("&amp;", "&");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString(query(fields))).build(), HttpResponse.BodyHandlers.ofString());
        page = follow(response);
        return page;
    }

    /** Exchanges the code Keycloak sent back for tokens (with the PKCE verifier), as the page does. */
    HttpResponse<String> exchange(String code) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("grant_type", "authorization_code",
                        "client_id", clientId, "code", code, "redirect_uri", redirectUri, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Page get(String url) throws IOException, InterruptedException {
        return follow(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookieHeader()).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Keeps the cookies; follows redirects within Keycloak, stops at the one back to the client. */
    private Page follow(HttpResponse<String> response) throws IOException, InterruptedException {
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
        });
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 == 3 && location.isPresent() && location.get().startsWith(realmUrl)) {
            return get(location.get());
        }
        return new Page(response.statusCode(), response.body(), location);
    }

    private String cookieHeader() {
        return cookies.isEmpty() ? "none=1" : cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String query(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
