package org.lettersvisits.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The production realm ({@code deploy/realm/production/}) as Keycloak imports it: a Keycloak of its own, from the
 * build's distribution, started with {@code --import-realm} on the file as it is, its placeholders given as
 * environment variables (as the Kubernetes and Compose deployments give them). Nothing of the local platform runs.
 */
class ProductionRealmIT {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final String PAGE = "https://reception.committee.example";
    private static final String SCRIPTS_SECRET = UUID.randomUUID().toString();
    private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();
    private static final String PASSWORD = "Correct-Horse-7-Battery";
    private static Process keycloak;
    private static String base;
    private static String realm;

    @BeforeAll
    static void keycloak_with_the_production_realm() throws Exception {
        Path home = ROOT.resolve("deploy/target/production-realm-keycloak");
        copy(PlatformSettings.forTests(ROOT, ROOT.resolve("deploy/target/e2e-data"), 1).keycloakHome(), home);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(ROOT.resolve("deploy/realm/production/petitions-realm.json"), imports.resolve("petitions-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        realm = base + "/realms/petitions";
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--db=dev-mem",
                "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("keycloak.log").toFile());
        Map<String, String> env = start.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // the placeholders of the production realm, as a deployment sets them
        env.put("PLATFORM_PETITION_URL", PAGE);
        env.put("PLATFORM_ASSIGNMENT_URL", "https://cases.committee.example");
        env.put("PLATFORM_FOLLOWUP_URL", "https://return-visits.committee.example");
        env.put("PLATFORM_REPORTING_URL", "https://dashboard.committee.example");
        env.put("PETITIONS_SCRIPTS_CLIENT_SECRET", SCRIPTS_SECRET);
        env.put("REMINDERS_CLIENT_SECRET", UUID.randomUUID().toString());
        keycloak = start.start();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(keycloak.isAlive()).as("Keycloak runs (see " + home.resolve("keycloak.log") + ")").isTrue();
            return HttpProbe.answers200(realm + "/.well-known/openid-configuration");
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                keycloak.destroyForcibly();
            }
        }
    }

    @Test
    void the_import_fills_the_placeholders_from_the_environment() {
        JsonPath web = admin().queryParam("clientId", "petitions-web").get(base + "/admin/realms/petitions/clients")
                .then().statusCode(200).extract().jsonPath();
        assertThat(web.getList("[0].redirectUris", String.class)).contains(PAGE + "/*")
                .noneMatch(uri -> uri.contains("${") || uri.contains("localhost"));
        assertThat(web.getList("[0].webOrigins", String.class)).contains(PAGE);
        String token = given().formParam("grant_type", "client_credentials").formParam("client_id", "petitions-scripts")
                .formParam("client_secret", SCRIPTS_SECRET).post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        JsonPath claims = claims(token);
        assertThat(claims.getString("aud")).isEqualTo("petitions-api");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("admin").doesNotContain("offline_access");
    }

    @Test
    void no_client_has_the_password_grant_and_the_page_client_gets_no_offline_access() throws Exception {
        for (String client : List.of("petitions-web", "petitions-scripts")) {
            given().formParam("grant_type", "password").formParam("client_id", client)
                    .formParam("client_secret", SCRIPTS_SECRET).formParam("username", "anyone").formParam("password", PASSWORD)
                    .post(realm + "/protocol/openid-connect/token").then().statusCode(400)
                    .body("error", org.hamcrest.Matchers.equalTo("unauthorized_client"));
        }
        LoginForm offline = LoginForm.open(realm, "petitions-web", PAGE + "/", "openid offline_access");
        assertThat(offline.page().returned("error")).contains("invalid_scope");
    }

    @Test
    void a_short_or_plain_password_is_refused_by_the_policy() {
        for (String weak : List.of("short-1A", "alllowercaseletters", "NoDigitsOrSigns", "Correct-Horse-7".toLowerCase())) {
            admin().contentType("application/json").body(Map.of("username", "weak-" + UUID.randomUUID(), "enabled", true,
                    "credentials", List.of(Map.of("type", "password", "value", weak, "temporary", false))))
                    .post(base + "/admin/realms/petitions/users").then().statusCode(400);
        }
    }

    @Test
    void wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused() throws Exception {
        String clerk = user("clerk-" + UUID.randomUUID().toString().substring(0, 8), List.of("reception"), Map.of());
        LoginForm form = LoginForm.open(realm, "petitions-web", PAGE + "/", "openid");
        int failureFactor = admin().get(base + "/admin/realms/petitions").then().extract().path("failureFactor");
        for (int attempt = 1; attempt <= failureFactor; attempt++) {
            assertThat(form.submit(Map.of("username", clerk, "password", "Wrong-Guess-" + attempt)).error())
                    .contains("Invalid username or password.");
        }
        LoginForm.Page right = form.submit(Map.of("username", clerk, "password", PASSWORD));
        assertThat(right.returned("code")).as("no code for a locked account").isEmpty();
        assertThat(right.error()).as("Keycloak does not tell the guesser the account is locked")
                .contains("Invalid username or password.");
        String id = userId(clerk);
        JsonPath lock = admin().get(base + "/admin/realms/petitions/attack-detection/brute-force/users/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(lock.getBoolean("disabled")).as("locked: " + lock.prettify()).isTrue();
        assertThat(lock.getInt("numFailures")).isPositive();

        admin().delete(base + "/admin/realms/petitions/attack-detection/brute-force/users/" + id).then().statusCode(204);
        LoginForm again = LoginForm.open(realm, "petitions-web", PAGE + "/", "openid");
        LoginForm.Page unlocked = again.submit(Map.of("username", clerk, "password", PASSWORD));
        assertThat(unlocked.returned("code")).as("once an administrator lifts the lock").isPresent();
        JsonPath tokens = JsonPath.from(again.exchange(unlocked.returned("code").orElseThrow()).body());
        assertThat(claims(tokens.getString("refresh_token")).getString("typ")).isEqualTo("Refresh");
    }

    @Test
    void a_leader_sets_up_a_one_time_code_at_the_first_sign_in_and_the_token_names_the_department() throws Exception {
        String leader = user("leader-" + UUID.randomUUID().toString().substring(0, 8), List.of("leader"),
                Map.of("department", List.of("COURT")));
        LoginForm form = LoginForm.open(realm, "petitions-web", PAGE + "/", "openid");
        LoginForm.Page setUp = form.submit(Map.of("username", leader, "password", PASSWORD));
        assertThat(setUp.returned("code")).as("no code before a second factor").isEmpty();
        Matcher secret = Pattern.compile("name=\"totpSecret\" value=\"([^\"]+)\"").matcher(setUp.body());
        assertThat(secret.find()).as("the page to set up a one-time code (CONFIGURE_TOTP)").isTrue();
        LoginForm.Page signedIn = form.submit(Map.of("totp", totp(secret.group(1), 0), "totpSecret", secret.group(1),
                "userLabel", "phone"));
        String code = signedIn.returned("code").orElseThrow(() -> new AssertionError("no code: " + signedIn.error()));
        JsonPath tokens = JsonPath.from(form.exchange(code).body());
        JsonPath access = claims(tokens.getString("access_token"));
        assertThat(access.getString("department")).isEqualTo("COURT");
        assertThat(access.getList("realm_access.roles", String.class)).contains("leader").doesNotContain("offline_access");

        LoginForm next = LoginForm.open(realm, "petitions-web", PAGE + "/", "openid");
        LoginForm.Page asked = next.submit(Map.of("username", leader, "password", PASSWORD));
        assertThat(asked.returned("code")).as("the password alone is not enough for a leader").isEmpty();
        assertThat(asked.body()).contains("name=\"otp\"");
        assertThat(next.submit(Map.of("otp", totp(secret.group(1), 1))).returned("code")).isPresent();

        String clerk = user("clerk-" + UUID.randomUUID().toString().substring(0, 8), List.of("reception"), Map.of());
        LoginForm plain = LoginForm.open(realm, "petitions-web", PAGE + "/", "openid");
        LoginForm.Page clerkIn = plain.submit(Map.of("username", clerk, "password", PASSWORD));
        assertThat(clerkIn.returned("code")).as("reception signs in with the password").isPresent();
        assertThat(claims(JsonPath.from(plain.exchange(clerkIn.returned("code").orElseThrow()).body())
                .getString("access_token")).getString("department")).as("no department, no claim").isNull();
    }

    // --- helpers

    private static String user(String username, List<String> roles, Map<String, List<String>> attributes) {
        admin().contentType("application/json").body(Map.of("username", username, "enabled", true, "firstName", "Test",
                "lastName", "User", "email", username + "@committee.example", "emailVerified", true, "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
                .post(base + "/admin/realms/petitions/users").then().statusCode(201);
        String id = userId(username);
        List<Map<String, Object>> mappings = roles.stream().map(role -> admin().get(base + "/admin/realms/petitions/roles/" + role)
                .then().statusCode(200).extract().<Map<String, Object>>path("")).toList();
        admin().contentType("application/json").body(mappings)
                .post(base + "/admin/realms/petitions/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return username;
    }

    private static String userId(String username) {
        return admin().queryParam("username", username).queryParam("exact", true).get(base + "/admin/realms/petitions/users")
                .then().statusCode(200).extract().path("[0].id");
    }

    private static RequestSpecification admin() {
        String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", ADMIN_PASSWORD)
                .post(base + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token);
    }

    private static JsonPath claims(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The one-time code for {@code steps} periods from now (RFC 6238, HMAC-SHA1, 6 digits, 30 s), as an app shows it. */
    private static String totp(String secret, int steps) throws Exception {
        long counter = Instant.now().getEpochSecond() / 30 + steps;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    /** A copy of the build's Keycloak distribution, so this Keycloak shares nothing with the platform's. */
    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(p -> !p.startsWith(from.resolve("data"))).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
