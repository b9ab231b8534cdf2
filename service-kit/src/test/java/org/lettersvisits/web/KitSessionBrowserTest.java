package org.lettersvisits.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The page kit (kit/kit.js) in Debian's Chromium, signing in against a stand-in identity provider served beside the
 * page: whatever a page kept in the tab's sessionStorage (reception's last look-up, which names a petitioner) is gone
 * once the session is: on signing out, when the session ended elsewhere (the refresh is refused), and when it runs
 * out while the tab sits idle. Skipped without Chromium on a developer's machine, failed without it under CI=true.
 */
class KitSessionBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LOOKUP = "{\"idNumber\":\"130100199312266955\",\"q\":\"王敏\"}";

    private HttpServer server;
    private ChromeDriver browser;
    private String base;
    private final AtomicInteger signIns = new AtomicInteger();
    private final AtomicInteger signOuts = new AtomicInteger();
    private final AtomicBoolean refusingRefresh = new AtomicBoolean();
    private volatile int refreshExpiresIn = 600;

    @BeforeEach
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://localhost:" + server.getAddress().getPort();
        server.createContext("/", this::serve);
        server.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void signing_out_forgets_what_the_tab_kept() {
        signedInWithALookUpKept();
        browser.findElement(By.id("lv-logout")).click();
        await().atMost(WAIT).until(() -> signOuts.get() == 1 && signIns.get() == 2);
        assertThat(kept()).isNull();
    }

    @Test
    void a_session_ended_elsewhere_forgets_what_the_tab_kept_at_the_next_page_load() {
        signedInWithALookUpKept();
        refusingRefresh.set(true); // as Keycloak does once the session was ended, e.g. by a sign-out on another page
        browser.navigate().refresh();
        await().atMost(WAIT).until(() -> signIns.get() == 2);
        awaitReady();
        assertThat(kept()).isNull();
    }

    @Test
    void a_session_that_runs_out_while_the_tab_is_idle_forgets_what_the_tab_kept() {
        refreshExpiresIn = 3;
        signedInWithALookUpKept();
        // nobody touches the page: when the refresh token runs out, the tab forgets and signs in anew
        await().atMost(WAIT).until(() -> signIns.get() >= 2);
        awaitReady();
        assertThat(kept()).isNull();
    }

    /** Signs in through the stand-in provider, then keeps a look-up in the tab as reception's page does. */
    private void signedInWithALookUpKept() {
        browser.get(base + "/");
        awaitReady();
        assertThat(signIns.get()).isEqualTo(1);
        browser.executeScript("sessionStorage.setItem('lv.lookup', arguments[0])", LOOKUP);
        assertThat(kept()).isEqualTo(LOOKUP);
    }

    private void awaitReady() {
        await().atMost(WAIT).ignoreExceptions().until(() -> Boolean.TRUE.equals(browser.executeScript(
                "return location.origin === arguments[0] && document.body.classList.contains('ready')", base)));
    }

    private Object kept() {
        return browser.executeScript("return sessionStorage.getItem('lv.lookup')");
    }

    /* ---------- the page, the kit and a stand-in identity provider ---------- */

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        switch (path) {
            case "/" -> answer(exchange, 200, "text/html", """
                    <!DOCTYPE html><html><head><meta charset="utf-8"><title>kit</title>
                    <script src="/kit/kit.js" defer></script><script src="/page.js" defer></script></head>
                    <body><main id="main"></main></body></html>""");
            case "/page.js" -> answer(exchange, 200, "text/javascript",
                    "LV.start({ title: 'kit.brand', render: function () { return undefined; } });");
            case "/kit/kit.js" -> answer(exchange, 200, "text/javascript", resource("kit.js"));
            case "/kit/messages.zh-CN.json" -> answer(exchange, 200, "application/json", resource("messages.zh-CN.json"));
            case "/messages.zh-CN.json" -> answer(exchange, 200, "application/json", "{}");
            case "/ui/config.json" -> answer(exchange, 200, "application/json", "{\"issuer\":\"" + base + "/realm\","
                    + "\"clientId\":\"petitions-web\",\"self\":\"petition\",\"services\":{\"petition\":\"" + base + "\"}}");
            case "/realm/protocol/openid-connect/auth" -> {
                signIns.incrementAndGet();
                redirect(exchange, query.get("redirect_uri") + "?code=c" + signIns.get() + "&state=" + query.get("state"));
            }
            case "/realm/protocol/openid-connect/logout" -> {
                signOuts.incrementAndGet();
                redirect(exchange, query.get("post_logout_redirect_uri"));
            }
            case "/realm/protocol/openid-connect/token" -> {
                Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if ("refresh_token".equals(body.get("grant_type")) && refusingRefresh.get()) {
                    answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                } else {
                    answer(exchange, 200, "application/json", "{\"access_token\":\"" + accessToken() + "\","
                            + "\"refresh_token\":\"r\",\"id_token\":\"i\",\"expires_in\":300,\"refresh_expires_in\":"
                            + refreshExpiresIn + "}");
                }
            }
            default -> answer(exchange, 404, "text/plain", "not found");
        }
    }

    /** An access token as the pages read it (they never check its signature: the services do). */
    private static String accessToken() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"preferred_username\":\"reception1\",\"groups\":[\"reception\"],\"exp\":"
                + Instant.now().plusSeconds(300).getEpochSecond() + "}";
        return url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KitSessionBrowserTest.class.getResourceAsStream("/META-INF/resources/kit/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int at = pair.indexOf('=');
                values.put(URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8),
                        at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
