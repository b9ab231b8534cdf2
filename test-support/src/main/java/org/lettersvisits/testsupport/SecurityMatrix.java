package org.lettersvisits.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The security test matrix of a service: every operation of its OpenAPI document under {@code /api},
 * called as every role, without a token and with every kind of forged token, against the table of who may
 * call what ({@code security-matrix.txt} among the service's test resources). A role the table allows must
 * get past the checks (anything but 401 and 403: the matrix sends an empty body and unknown ids, so a 400 or
 * 404 is the answer, and nothing is written); any other role gets 403; no token and every forgery get 401.
 *
 * <p>A table line is {@code METHOD PATH ROLE...}, with {@code dept-*} for the four department roles,
 * {@code department-leader} for a leader whose token names a department (public security's, {@link Users#DEPARTMENT_LEADER};
 * {@code leader} is the committee's leader only), an
 * optional {@code = /sample/path} where a path parameter is not an id, and {@code !} where calling the
 * operation as an allowed role would change something (a rebuild, a redrive): then only the refusals are
 * called. Lines starting with {@code #} are comments. An operation whose body is a multipart form (an upload, by the
 * OpenAPI document) is sent an empty form instead of an empty JSON object.
 */
public final class SecurityMatrix {

    private static final List<String> DEPARTMENTS = List.of("dept-public-security", "dept-procuratorate", "dept-court",
            "dept-justice-bureau");

    /** One line of the table. */
    public record Rule(String method, String path, Set<String> roles, String samplePath, boolean sideEffects) {

        String operation() {
            return method + " " + path;
        }

        /** The path to call: the sample, or the path with every parameter an unknown id. */
        String target() {
            return samplePath != null ? samplePath : path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    private SecurityMatrix() {
    }

    /** The matrix as dynamic tests, one per operation and caller. */
    public static Stream<DynamicTest> of(String tableResource) {
        List<Rule> rules = table(tableResource);
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> listed = rules.stream().map(Rule::operation).collect(Collectors.toCollection(java.util.TreeSet::new));
        tests.add(DynamicTest.dynamicTest("the table lists exactly the documented operations",
                () -> assertThat((Iterable<String>) listed).as("operations under /api in /q/openapi")
                        .containsExactlyInAnyOrderElementsOf(documented())));
        for (Rule rule : rules) {
            for (Users user : Users.values()) {
                boolean allowed = rule.roles().contains(user.kind());
                if (allowed && rule.sideEffects()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(rule.operation() + " as " + user.kind(), () -> {
                    int status = call(rule, user.bearer()).statusCode();
                    if (allowed) {
                        assertThat(status).as("%s as %s", rule.operation(), user.kind()).isNotIn(401, 403);
                    } else {
                        assertThat(status).as("%s as %s", rule.operation(), user.kind()).isEqualTo(403);
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest(rule.operation() + " without a token",
                    () -> assertThat(call(rule, null).statusCode()).isEqualTo(401)));
            Users someone = Users.ADMIN;
            for (Map.Entry<String, String> forged : TestTokens.forgeries(someone.userName(), someone.role()).entrySet()) {
                tests.add(DynamicTest.dynamicTest(rule.operation() + " with a token: " + forged.getKey(),
                        () -> assertThat(call(rule, "Bearer " + forged.getValue()).statusCode())
                                .as(forged.getKey()).isEqualTo(401)));
            }
        }
        return tests.stream();
    }

    /** Every operation under {@code /api} the running service documents, as {@code METHOD /path}. */
    public static Set<String> documented() {
        JsonPath openApi = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> operations = new java.util.TreeSet<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/")) {
                methods.keySet().stream().filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                        .forEach(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path));
            }
        });
        return operations;
    }

    private static Response call(Rule rule, String authorization) {
        RequestSpecification request = given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (multipart().contains(rule.operation())) {
            // an upload: an empty form (no file), else the REST layer answers 415 before it checks the role
            request.multiPart("kind", "");
        } else if (!rule.method().equals("GET") && !rule.method().equals("DELETE")) {
            request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(rule.method(), rule.target());
    }

    private static Set<String> multipart;

    /** The operations whose body the OpenAPI document says is a multipart form (uploads), as {@code METHOD /path}. */
    private static synchronized Set<String> multipart() {
        if (multipart == null) {
            Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON)
                    .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
            Set<String> found = new java.util.TreeSet<>();
            paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
                if (operation instanceof Map<?, ?> op && op.get("requestBody") instanceof Map<?, ?> body
                        && body.get("content") instanceof Map<?, ?> content && content.containsKey("multipart/form-data")) {
                    found.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }));
            multipart = found;
        }
        return multipart;
    }

    static List<Rule> table(String resource) {
        try (InputStream in = SecurityMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " among the test resources");
            }
            List<Rule> rules = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String sample = null;
                if (text.contains(" = ")) {
                    sample = text.substring(text.indexOf(" = ") + 3).strip();
                    text = text.substring(0, text.indexOf(" = ")).strip();
                }
                List<String> words = new ArrayList<>(Arrays.asList(text.split("\\s+")));
                boolean sideEffects = words.remove("!");
                Set<String> roles = new LinkedHashSet<>();
                for (String role : words.subList(2, words.size())) {
                    if (role.equals("dept-*")) {
                        roles.addAll(DEPARTMENTS);
                    } else {
                        roles.add(role);
                    }
                }
                rules.add(new Rule(words.get(0), words.get(1), roles, sample, sideEffects));
            }
            return rules;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
