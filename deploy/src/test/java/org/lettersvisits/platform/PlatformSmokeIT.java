package org.lettersvisits.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.path.json.JsonPath;

/**
 * The whole platform, started by the same launcher as {@code ./platform up} (real PostgreSQL, Kafka
 * and Keycloak, the four service jars), checked from the outside as a user would.
 */
@ExtendWith(SharedPlatform.class)
class PlatformSmokeIT {

    static Stream<Arguments> services() {
        return SharedPlatform.settings().services().stream().map(s -> Arguments.of(s.module(), s.baseUrl()));
    }

    static Stream<Arguments> apiPaths() {
        List<String> paths = List.of("/api/petitions", "/api/cases/overdue", "/api/return-visits", "/api/reports/summary");
        List<PlatformSettings.Service> services = SharedPlatform.settings().services();
        return Stream.iterate(0, i -> i + 1).limit(services.size())
                .map(i -> Arguments.of(services.get(i).module(), services.get(i).baseUrl() + paths.get(i)));
    }

    @ParameterizedTest(name = "{0} is ready")
    @MethodSource("services")
    void every_service_reports_ready(String module, String baseUrl) {
        given().get(baseUrl + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @ParameterizedTest(name = "{0} answers 401 without a token")
    @MethodSource("apiPaths")
    void every_service_answers_401_on_api_without_a_token(String module, String url) {
        given().redirects().follow(false).get(url).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} gets a token with role {1}")
    @CsvSource({
            "reception1, reception", "supervisor1, supervisor", "leader1, leader", "deptleader1, leader", "followup1, followup",
            "police1, dept-public-security", "procurator1, dept-procuratorate", "judge1, dept-court",
            "justice1, dept-justice-bureau", "admin1, admin" })
    void every_local_user_gets_a_token_carrying_its_role(String user, String role) {
        String token = given().formParam("grant_type", "password").formParam("client_id", "petitions-cli")
                .formParam("username", user).formParam("password", user)
                .post(SharedPlatform.settings().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");

        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("iss")).isEqualTo(SharedPlatform.settings().issuer());
        assertThat(claims.getString("preferred_username")).isEqualTo(user);
        assertThat(claims.getList("realm_access.roles", String.class)).contains(role);
    }

    @Test
    void a_department_leaders_token_names_the_department_and_another_leaders_none() {
        JsonPath deptLeader = claims(token("deptleader1"));
        assertThat(deptLeader.getString("department")).isEqualTo("PUBLIC_SECURITY");
        assertThat(deptLeader.getList("realm_access.roles", String.class)).contains("leader");
        assertThat(claims(token("leader1")).getMap("")).doesNotContainKey("department");
    }

    private static String token(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "petitions-cli")
                .formParam("username", user).formParam("password", user)
                .post(SharedPlatform.settings().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static JsonPath claims(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void a_wrong_password_gets_no_token() {
        given().formParam("grant_type", "password").formParam("client_id", "petitions-cli")
                .formParam("username", "reception1").formParam("password", "wrong")
                .post(SharedPlatform.settings().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @ParameterizedTest(name = "{0} serves its page and names the issuer and public client it signs in with")
    @MethodSource("services")
    void pages_are_served_with_their_sign_in_settings(String module, String baseUrl) {
        given().accept("text/html").get(baseUrl + "/").then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("/kit/kit.js"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString(SharedPlatform.settings().issuer() + "/"));
        given().get(baseUrl + "/ui/config.json").then().statusCode(200)
                .body("issuer", equalTo(SharedPlatform.settings().issuer()))
                .body("clientId", equalTo("petitions-web"))
                .body("services.petition", equalTo(SharedPlatform.settings().services().get(0).baseUrl()));
    }

    @Test
    void petition_service_lets_the_other_pages_call_it_and_no_one_else() {
        String petitions = SharedPlatform.settings().services().get(0).baseUrl() + "/api/petitions";
        String board = SharedPlatform.settings().services().get(1).baseUrl();
        given().header("Origin", board).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").options(petitions)
                .then().header("Access-Control-Allow-Origin", equalTo(board));
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .options(petitions).then().header("Access-Control-Allow-Origin", nullValue());
    }
}
