package org.lettersvisits.petition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lettersvisits.petition.PetitionBodies.visit;
import static org.lettersvisits.petition.PetitionBodies.withPetitioner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The contacts of a return-visit worklist ({@code POST /api/petitions/contacts}), as followup-service asks for them
 * with the user's own token: name and masked phone of each petition the caller may read, the others left out; one
 * access-log entry naming every petition listed, none when nothing is; a bad body a 400 that records nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ContactsTest {

    private static String register(String name) {
        return given().header("Authorization", Users.RECEPTION.bearer()).contentType(ContentType.JSON)
                .body(withPetitioner(visit(), "name", name)).post("/api/petitions").then().statusCode(201).extract()
                .path("id");
    }

    private static String someone() {
        return "Zhao " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response contacts(Users user, Object body) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/petitions/contacts");
    }

    private static JsonPath contactsOf(Users user, String... petitionIds) {
        return contacts(user, Map.of("petitionIds", List.of(petitionIds))).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    /** The CONTACTS entries that named {@code id}, newest first. */
    private static JsonPath contactsLogged(String id) {
        return given().header("Authorization", Users.ADMIN.bearer()).queryParam("petitionId", id)
                .queryParam("kind", "CONTACTS").get("/api/admin/record-views").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void contacts_name_each_petitioner_with_the_phone_masked_in_the_order_asked_and_are_recorded_once() {
        String first = register("Zhao Lei");
        String second = register("Qian Hua");

        JsonPath page = contactsOf(Users.SUPERVISOR, second, UUID.randomUUID().toString(), first, second);

        assertThat(page.getList("items.petitionId")).as("unknown ids left out, each id once").containsExactly(second, first);
        assertThat(page.getList("items.name")).containsExactly("Qian Hua", "Zhao Lei");
        assertThat(page.getList("items.phone")).containsExactly("139****5656", "139****5656");
        assertThat(page.getList("items.erased")).containsExactly(false, false);
        assertThat(page.getMap("items[0]")).containsOnlyKeys("petitionId", "name", "phone", "erased");

        JsonPath logged = contactsLogged(first);
        assertThat(logged.getInt("total")).isOne();
        assertThat(logged.getString("items[0].viewer")).isEqualTo("supervisor1");
        assertThat(logged.getList("items[0].petitionIds")).containsExactly(second, first);
        assertThat(logged.getString("items[0].petitionId")).as("a list names no one petition").isNull();
        assertThat(logged.getList("items[0].searchedBy")).isNull();
    }

    @Test
    void the_return_visit_office_gets_only_petitions_whose_case_was_ever_closed() {
        String open = register(someone());
        String closed = register(someone());
        String reopened = register(someone());
        String visited = register(someone());
        for (String id : List.of(open, closed, reopened)) {
            CaseEvents.assigned(id, Department.COURT);
        }
        CaseEvents.closed(closed, Department.COURT);
        CaseEvents.closed(reopened, Department.COURT);
        CaseEvents.reopened(reopened, Department.COURT);
        CaseEvents.returnVisitScheduled(visited, Department.COURT);

        JsonPath page = contactsOf(Users.FOLLOWUP, open, closed, reopened, visited);

        assertThat(page.getList("items.petitionId")).containsExactly(closed, reopened, visited);
        assertThat(contactsLogged(closed).getList("items[0].petitionIds")).containsExactly(closed, reopened, visited);
        assertThat(contactsLogged(open).getInt("total")).as("a petition left out is not recorded as shown").isZero();
        assertThat(contactsOf(Users.LEADER, open, closed).getList("items.petitionId")).containsExactly(open, closed);
    }

    @Test
    void a_department_leader_gets_only_their_departments_petitions() {
        String police = register(someone());
        String court = register(someone());
        String waiting = register(someone());
        CaseEvents.assigned(police, Department.PUBLIC_SECURITY);
        CaseEvents.assigned(court, Department.COURT);

        assertThat(contactsOf(Users.DEPARTMENT_LEADER, court, police, waiting).getList("items.petitionId"))
                .containsExactly(police);
        assertThat(contactsLogged(police).getList("items.viewer")).containsExactly("deptleader1");
        assertThat(contactsLogged(court).getInt("total")).isZero();
        assertThat(contactsOf(Users.LEADER, court, police, waiting).getList("items.petitionId"))
                .containsExactly(court, police, waiting);
    }

    @Test
    void an_erased_petitioner_is_listed_as_erased_with_no_name_or_phone() {
        String kept = register(someone());
        String erased = register(someone());
        given().header("Authorization", Users.ADMIN.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "the petitioner's request")).post("/api/admin/petitioners/" + erased + "/erasure")
                .then().statusCode(200);

        contacts(Users.SUPERVISOR, Map.of("petitionIds", List.of(erased, kept))).then().statusCode(200)
                .body("items.petitionId", org.hamcrest.Matchers.contains(erased, kept))
                .body("items[0].erased", equalTo(true))
                .body("items[0].name", org.hamcrest.Matchers.nullValue())
                .body("items[0].phone", org.hamcrest.Matchers.nullValue())
                .body("items[1].erased", equalTo(false));
        assertThat(contactsLogged(erased).getList("items[0].petitionIds")).containsExactly(erased, kept);
    }

    @Test
    void when_no_petition_is_listed_nothing_is_recorded() {
        String open = register(someone());
        CaseEvents.assigned(open, Department.JUSTICE_BUREAU);

        assertThat(contactsOf(Users.FOLLOWUP, open, UUID.randomUUID().toString()).getList("items")).isEmpty();
        assertThat(contactsLogged(open).getInt("total")).isZero();
    }

    @Test
    void a_bad_body_is_a_400_problem_and_records_nothing() {
        String id = register(someone());
        List<String> tooMany = new ArrayList<>(IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID().toString()).toList());
        tooMany.add(id);
        List<Object> withNull = new ArrayList<>();
        withNull.add(id);
        withNull.add(null);

        for (Object body : List.of(Map.of(), Map.of("petitionIds", List.of()), Map.of("petitionIds", tooMany),
                Map.of("petitionIds", List.of(id, "not-a-petition-id")), Map.of("petitionIds", id),
                Map.of("petitionIds", withNull))) {
            contacts(Users.SUPERVISOR, body).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("petitionIds")));
        }
        given().header("Authorization", Users.SUPERVISOR.bearer()).contentType(ContentType.JSON).body("{\"petitionIds\": [")
                .post("/api/petitions/contacts").then().statusCode(400).contentType("application/problem+json");
        assertThat(contactsLogged(id).getInt("total")).isZero();

        // a hundred is the limit, not past it
        contactsOf(Users.SUPERVISOR, tooMany.subList(1, 101).toArray(String[]::new));
        assertThat(contactsLogged(id).getList("items[0].petitionIds")).containsExactly(id);
    }

    @Test
    void reception_the_departments_and_administrators_get_no_contacts() {
        String id = register(someone());
        for (Users user : List.of(Users.RECEPTION, Users.POLICE, Users.PROCURATOR, Users.JUDGE, Users.JUSTICE,
                Users.ADMIN)) {
            contacts(user, Map.of("petitionIds", List.of(id))).then().statusCode(403);
        }
        contacts(Users.RECEPTION, Map.of()).then().statusCode(403);
        assertThat(contactsLogged(id).getInt("total")).isZero();
    }
}
