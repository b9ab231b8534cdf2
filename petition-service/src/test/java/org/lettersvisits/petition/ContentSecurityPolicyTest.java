package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page carries the page's Content-Security-Policy, not only the index; every JSON answer the strictest one.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ContentSecurityPolicyTest {

    private static final String NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Test
    void the_page_under_each_of_its_addresses_runs_only_its_own_scripts() {
        for (String page : new String[] { "/", "/index.html", "/?q=XF-2026-00001" }) {
            given().get(page).then().statusCode(200).contentType(startsWith("text/html"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        }
    }

    @Test
    void an_answer_of_the_api_or_of_health_may_load_and_run_nothing() {
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions").then().statusCode(200)
                .header("Content-Security-Policy", equalTo(NOTHING));
        given().get("/q/health/live").then().statusCode(200).header("Content-Security-Policy", equalTo(NOTHING));
        given().header("Authorization", Users.RECEPTION.bearer()).get("/api/petitions/not-a-uuid").then()
                .statusCode(equalTo(404)).header("Content-Security-Policy", equalTo(NOTHING));
    }
}
