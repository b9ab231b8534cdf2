package org.lettersvisits.platform;

import java.io.IOException;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution, in development mode with an in-memory database,
 * importing the {@code petitions} realm kept in {@code deploy/realm/} and the demo users of
 * {@code deploy/realm/demo-users/} at every start (so the realm is always exactly the one in the
 * repository; a deployment imports the realm without the demo users).
 */
final class KeycloakPart extends ProcessPart {

    private final PlatformSettings settings;

    KeycloakPart(PlatformSettings settings) {
        super("keycloak", settings.logDir());
        this.settings = settings;
    }

    @Override
    void prepare() throws IOException {
        Path home = settings.keycloakHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IOException("Keycloak is not unpacked at " + home + ": run ./mvnw package first");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(settings.realmFile(), imports.resolve("petitions-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(settings.demoUsersFile(), imports.resolve("petitions-users-0.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    List<String> command() {
        // Keep these flags fixed: changing a build option (such as --db) makes Keycloak rebuild itself.
        return List.of(settings.keycloakHome().resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--import-realm", "--http-host=127.0.0.1", "--http-port=" + settings.keycloakPort());
    }

    @Override
    Map<String, String> environment() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword(),
                "REMINDERS_CLIENT_SECRET", remindersClientSecret(settings));
    }

    /**
     * The console's admin password: random, made once and kept in the data folder (where
     * {@code --fresh} makes a new one), never a well-known word.
     */
    String adminPassword() {
        return LocalSecrets.randomBase64(settings.keycloakAdminPasswordFile(), 18, Base64.getUrlEncoder().withoutPadding());
    }

    /** The {@code petitions-reminders} client's secret: random, made once, imported into the realm (placeholder). */
    static String remindersClientSecret(PlatformSettings settings) {
        return LocalSecrets.randomBase64(settings.remindersClientSecretFile(), 24, Base64.getUrlEncoder().withoutPadding());
    }

    @Override
    Path workingDirectory() {
        return settings.keycloakHome();
    }

    @Override
    public boolean isReady() {
        return HttpProbe.answers200(settings.issuer() + "/.well-known/openid-configuration");
    }

    @Override
    public String endpoint() {
        return settings.issuer() + "  (console: http://localhost:" + settings.keycloakPort() + "/admin, user admin, password "
                + adminPassword() + ", kept in " + settings.keycloakAdminPasswordFile() + ")";
    }
}
