package org.lettersvisits.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A department's queue paged to its end: every case once, the same total and overdue count on every page. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class QueuePagingTest {

    @Test
    void paging_a_queue_of_open_and_suspended_cases_shows_each_once_with_its_totals() {
        List<String> mine = IntStream.range(0, 5).mapToObj(i -> {
            UUID id = CaseFixtures.publishedPetition(true);
            // assigned long ago with the routine 30 days: overdue today
            CaseFixtures.assign(id, "JUSTICE_BUREAU", Map.of("assignedOn", "2020-03-0" + (1 + i))).statusCode(201);
            return id.toString();
        }).toList();

        List<String> seen = new ArrayList<>();
        long total = -1;
        long overdue = -1;
        for (int page = 0;; page++) {
            JsonPath queue = given().header("Authorization", Users.JUSTICE.bearer())
                    .get("/api/queues/justice-bureau?status=ASSIGNED,ACCEPTED,SUSPENDED&size=2&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            if (total < 0) {
                total = queue.getLong("total");
                overdue = queue.getLong("overdue");
            }
            assertThat(queue.getLong("total")).isEqualTo(total);
            assertThat(queue.getLong("overdue")).isEqualTo(overdue);
            List<String> items = queue.getList("items.id", String.class);
            if (items.isEmpty()) {
                break;
            }
            seen.addAll(items);
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().containsAll(mine);
        assertThat(overdue).isGreaterThanOrEqualTo(5).isLessThanOrEqualTo(total);
    }

    @Test
    void an_unknown_status_in_the_list_gets_400() {
        given().header("Authorization", Users.JUSTICE.bearer()).get("/api/queues/justice-bureau?status=ASSIGNED,LOST")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
