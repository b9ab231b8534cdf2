package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two realm files as written: the production realm ({@code deploy/realm/production/}) fit for a government office,
 * and the local realm with its development-only password grant and the {@code department} claim.
 * {@link ProductionRealmIT} shows the production realm doing what it says in a real Keycloak.
 */
class RealmFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The environment the production realm's import reads (docs/deployment.md names each). */
    private static final Set<String> PLACEHOLDERS = Set.of("PLATFORM_PETITION_URL", "PLATFORM_ASSIGNMENT_URL",
            "PLATFORM_FOLLOWUP_URL", "PLATFORM_REPORTING_URL", "PETITIONS_SCRIPTS_CLIENT_SECRET", "REMINDERS_CLIENT_SECRET");

    @Test
    void no_client_of_the_production_realm_has_the_password_grant_implicit_flow_or_a_local_address() throws IOException {
        JsonNode realm = production();
        assertThat(realm.path("clients")).isNotEmpty();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").isBoolean()).as(id + " says so").isTrue();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + ": no password grant").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
            List<String> addresses = new ArrayList<>();
            client.path("redirectUris").forEach(uri -> addresses.add(uri.asText()));
            client.path("webOrigins").forEach(uri -> addresses.add(uri.asText()));
            addresses.addAll(List.of(client.path("attributes").path("post.logout.redirect.uris").asText().split("##")));
            assertThat(addresses.stream().filter(a -> !a.isEmpty())).as(id + ": addresses from configuration")
                    .allSatisfy(address -> assertThat(address).startsWith("${PLATFORM_").doesNotContain("localhost", "127.0.0.1"));
        }
    }

    @Test
    void the_production_realm_locks_out_guessers_asks_for_strong_passwords_and_tls() throws IOException {
        JsonNode realm = production();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
        assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
        String policy = realm.path("passwordPolicy").asText();
        Matcher length = Pattern.compile("length\\((\\d+)\\)").matcher(policy);
        assertThat(length.find() && Integer.parseInt(length.group(1)) >= 12).as(policy).isTrue();
        assertThat(policy).contains("upperCase(", "lowerCase(", "digits(", "specialChars(", "notUsername",
                "passwordHistory(");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("users")).allSatisfy(user -> assertThat(user.has("serviceAccountClientId"))
                .as("no people in the realm file: " + user.path("username")).isTrue());
    }

    @Test
    void leaders_and_admins_must_give_a_one_time_code() throws IOException {
        JsonNode realm = production();
        for (String role : List.of("leader", "admin")) {
            JsonNode found = find(realm.path("roles").path("realm"), "name", role);
            assertThat(found.path("composites").path("realm")).as(role + " includes two-factor")
                    .anySatisfy(r -> assertThat(r.asText()).isEqualTo("two-factor"));
        }
        JsonNode browser = find(realm.path("authenticationFlows"), "alias", realm.path("browserFlow").asText());
        JsonNode forms = null;
        for (JsonNode execution : browser.path("authenticationExecutions")) { // the subflow asking for the password
            JsonNode flow = execution.has("flowAlias")
                    ? find(realm.path("authenticationFlows"), "alias", execution.path("flowAlias").asText()) : null;
            if (flow != null && flow.path("authenticationExecutions").findValuesAsText("authenticator")
                    .contains("auth-username-password-form")) {
                forms = flow;
            }
        }
        assertThat(forms).as("the browser flow asks for the password").isNotNull();
        JsonNode twoFactor = find(realm.path("authenticationFlows"), "alias",
                find(forms.path("authenticationExecutions"), "priority", "20").path("flowAlias").asText());
        JsonNode condition = find(twoFactor.path("authenticationExecutions"), "authenticator", "conditional-user-role");
        assertThat(condition.path("requirement").asText()).isEqualTo("REQUIRED");
        JsonNode config = find(realm.path("authenticatorConfig"), "alias", condition.path("authenticatorConfig").asText());
        assertThat(config.path("config").path("condUserRole").asText()).isEqualTo("two-factor");
        assertThat(config.path("config").path("negate").asText()).isEqualTo("false");
        assertThat(find(twoFactor.path("authenticationExecutions"), "authenticator", "auth-otp-form").path("requirement")
                .asText()).as("the code is required, set up at the first sign-in when missing").isEqualTo("REQUIRED");
    }

    @Test
    void the_page_client_gets_no_offline_access_and_the_scripts_client_only_client_credentials() throws IOException {
        JsonNode realm = production();
        JsonNode web = find(realm.path("clients"), "clientId", "petitions-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(web.path("defaultClientScopes"))).doesNotContain("offline_access");
        assertThat(texts(web.path("optionalClientScopes"))).doesNotContain("offline_access");
        assertThat(web.path("fullScopeAllowed").asBoolean(true)).isFalse();
        assertThat(texts(find(realm.path("scopeMappings"), "client", "petitions-web").path("roles")))
                .doesNotContain("offline_access").contains("reception", "leader", "admin");
        JsonNode scripts = find(realm.path("clients"), "clientId", "petitions-scripts");
        assertThat(scripts.path("publicClient").asBoolean()).isFalse();
        assertThat(scripts.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(scripts.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(scripts.path("secret").asText()).isEqualTo("${PETITIONS_SCRIPTS_CLIENT_SECRET}");
        assertThat(texts(find(realm.path("users"), "serviceAccountClientId", "petitions-scripts").path("realmRoles")))
                .containsExactly("admin");
        for (JsonNode client : List.of(web, scripts)) {
            assertThat(departmentMapper(client)).as(client.path("clientId").asText()).isTrue();
        }
    }

    @Test
    void the_production_realm_reads_only_the_documented_placeholders() throws IOException {
        String text = Files.readString(ROOT.resolve("deploy/realm/production/petitions-realm.json"));
        Set<String> used = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(text);
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        assertThat(used).isEqualTo(PLACEHOLDERS);
        String docs = Files.readString(ROOT.resolve("docs/deployment.md"));
        used.forEach(name -> assertThat(docs).as("docs/deployment.md names " + name).contains("`" + name + "`"));
    }

    @Test
    void the_local_realm_keeps_the_password_grant_for_scripts_and_says_department_for_both_clients() throws IOException {
        JsonNode realm = JSON.readTree(ROOT.resolve("deploy/realm/petitions-realm.json").toFile());
        JsonNode cli = find(realm.path("clients"), "clientId", "petitions-cli");
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("name").asText()).contains("development only");
        for (String client : List.of("petitions-cli", "petitions-web")) {
            assertThat(departmentMapper(find(realm.path("clients"), "clientId", client))).as(client).isTrue();
        }
        JsonNode users = JSON.readTree(ROOT.resolve("deploy/realm/demo-users/petitions-users-0.json").toFile()).path("users");
        JsonNode deptLeader = find(users, "username", "deptleader1");
        assertThat(texts(deptLeader.path("realmRoles"))).containsExactly("leader");
        assertThat(texts(deptLeader.path("attributes").path("department"))).containsExactly("PUBLIC_SECURITY");
        assertThat(deptLeader.path("credentials").get(0).path("value").asText()).as("password = user name, as the others")
                .isEqualTo("deptleader1");
    }

    private static boolean departmentMapper(JsonNode client) {
        return StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
                .anyMatch(m -> m.path("protocolMapper").asText().equals("oidc-usermodel-attribute-mapper")
                        && m.path("config").path("user.attribute").asText().equals("department")
                        && m.path("config").path("claim.name").asText().equals("department")
                        && m.path("config").path("jsonType.label").asText().equals("String")
                        && m.path("config").path("access.token.claim").asText().equals("true"));
    }

    private static JsonNode production() throws IOException {
        return JSON.readTree(ROOT.resolve("deploy/realm/production/petitions-realm.json").toFile());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The first item of {@code array} whose fields have the given values (pairs of name and value). */
    private static JsonNode find(JsonNode array, Object... pairs) {
        for (JsonNode item : array) {
            boolean all = true;
            for (int i = 0; i < pairs.length; i += 2) {
                all &= item.path((String) pairs[i]).asText().equals(String.valueOf(pairs[i + 1]));
            }
            if (all) {
                return item;
            }
        }
        throw new AssertionError("none with " + List.of(pairs) + " in " + array);
    }
}
