package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.with;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.ExportedRows;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The search reception expects: ranked, saying why each petition matched, filtered, paged deep by keyset, exported. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionSearchRankingTest {

    private static RequestSpecification as(Users user) {
        return given().header("Authorization", user.bearer());
    }

    private static String register(Object body) {
        return as(Users.RECEPTION).contentType(ContentType.JSON).body(body).post("/api/petitions")
                .then().statusCode(201).extract().path("id");
    }

    /** Six random lower-case letters: a word no other test's petition contains. */
    private static String marker() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void a_name_containing_the_text_ranks_first_then_the_subject_then_a_name_only_like_it_each_saying_why() {
        String word = marker();
        String alike = word.substring(0, 5) + (word.charAt(5) == 'z' ? 'y' : 'z');
        String bySimilarName = register(withPetitioner(visit(), "name", "Liu " + alike));
        String bySubject = register(with(visit(), "subject", word + " land compensation dispute"));
        String byName = register(withPetitioner(visit(), "name", "Liu " + word));

        JsonPath found = as(Users.RECEPTION).queryParam("q", word).get("/api/petitions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(found.getList("items.id", String.class)).containsExactly(byName, bySubject, bySimilarName);
        assertThat(found.getList("items.matchedOn", List.class)).containsExactly(
                List.of("NAME"), List.of("SUBJECT"), List.of("NAME_SIMILAR"));
        assertThat(found.getLong("total")).isEqualTo(3);
        assertThat(found.getString("next")).as("a ranked search pages by number").isNull();
    }

    @Test
    void town_department_status_and_dates_received_filter_the_list() {
        String town = "Town" + marker();
        String march = register(withPetitioner(with(visit(), "receivedOn", "2026-03-04"), "town", town));
        String june = register(withPetitioner(with(visit(), "receivedOn", "2026-06-10"), "town", town));
        String september = register(withPetitioner(with(visit(), "receivedOn", "2026-09-02"), "town", town));

        as(Users.SUPERVISOR).queryParam("town", town).get("/api/petitions").then().statusCode(200)
                .body("total", equalTo(3)).body("items.town", everyItem(equalTo(town)));
        as(Users.SUPERVISOR).queryParam("town", town).queryParam("receivedFrom", "2026-05-01")
                .queryParam("receivedTo", "2026-08-31").get("/api/petitions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(june));
        as(Users.LEADER).contentType(ContentType.JSON).body(Map.of("town", town, "receivedTo", "2026-06-10",
                "status", "REGISTERED")).post("/api/petitions/search").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.contains(june, march));
        // none of them has a case yet, so no department holds them
        as(Users.SUPERVISOR).queryParam("town", town).queryParam("department", "COURT").get("/api/petitions")
                .then().statusCode(200).body("total", equalTo(0));
        assertThat(september).isNotNull();

        as(Users.SUPERVISOR).queryParam("department", "HOSPITAL").get("/api/petitions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("department"));
        as(Users.SUPERVISOR).queryParam("receivedFrom", "2026-06-01").queryParam("receivedTo", "2026-05-01")
                .get("/api/petitions").then().statusCode(400).body("violations.field", hasItem("receivedTo"));
    }

    @Test
    void deep_pages_follow_the_cursor_newest_first_each_petition_once() {
        String town = "Town" + marker();
        List<String> registered = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            registered.add(0, register(withPetitioner(with(visit(), "receivedOn", "2026-02-0" + day), "town", town)));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var request = as(Users.RECEPTION).queryParam("town", town).queryParam("size", 3);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/petitions").then().statusCode(200).extract().jsonPath();
            assertThat(page.getLong("total")).isEqualTo(7);
            seen.addAll(page.getList("items.id", String.class));
            after = page.getString("next");
        } while (after != null);
        assertThat(seen).containsExactlyElementsOf(registered);

        // a cursor skips nothing when petitions are registered meanwhile: the offset pages would shift
        as(Users.RECEPTION).queryParam("after", "not-a-cursor").get("/api/petitions").then().statusCode(400)
                .body("violations.field", hasItem("after"));
        String cursor = as(Users.RECEPTION).queryParam("town", town).queryParam("size", 3).get("/api/petitions")
                .then().extract().path("next");
        as(Users.RECEPTION).queryParam("q", "wage").queryParam("after", cursor).get("/api/petitions").then()
                .statusCode(400).body("violations.field", hasItem("after"));
        // offsets stay capped: a page past the first 10,000 petitions is refused
        as(Users.RECEPTION).queryParam("page", 100).queryParam("size", 100).get("/api/petitions").then().statusCode(400)
                .body("violations.field", hasItem("page"));
    }

    @Test
    void a_search_exports_as_csv_and_excel_with_the_id_number_masked_for_those_who_may_search() {
        String word = marker();
        register(withPetitioner(with(visit(), "subject", word + " 征地补偿"), "name", "王" + word));
        register(with(visit(), "subject", word + " 拆迁安置"));
        Map<String, Object> search = Map.of("q", word);

        byte[] csv = as(Users.RECEPTION).contentType(ContentType.JSON).body(search)
                .post("/api/petitions/export?format=csv").then().statusCode(200).contentType("text/csv")
                .extract().asByteArray();
        List<List<String>> rows = ExportedRows.ofCsv(csv);
        assertThat(rows.get(0)).containsExactly("信访编号", "信访形式", "接待日期", "姓名", "身份证号", "乡镇（街道）", "信访事由",
                "涉法涉诉", "状态", "承办单位");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("王" + word, "130100********6955", "Zhongguan", word + " 征地补偿", "来访", "是", "已登记");
        assertThat(String.join(",", rows.get(2))).doesNotContain("130100199312266955");

        byte[] xlsx = as(Users.LEADER).contentType(ContentType.JSON).body(search).post("/api/petitions/export?format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        assertThat(ExportedRows.ofXlsx(xlsx)).isEqualTo(rows);

        for (Users outsider : List.of(Users.JUDGE, Users.FOLLOWUP, Users.ADMIN)) {
            as(outsider).contentType(ContentType.JSON).body(search).post("/api/petitions/export").then().statusCode(403);
        }
        as(Users.RECEPTION).contentType(ContentType.JSON).body(search).post("/api/petitions/export?format=doc").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
