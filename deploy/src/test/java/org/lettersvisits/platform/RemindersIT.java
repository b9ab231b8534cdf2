package org.lettersvisits.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.platform.E2eClient.ASSIGNMENT;
import static org.lettersvisits.platform.E2eClient.PETITION;
import static org.lettersvisits.platform.E2eClient.as;
import static org.lettersvisits.platform.E2eClient.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The daily reminder digests on the running platform: addresses from the users' Keycloak profiles (a leader made just
 * now gets the digest of the cases they are responsible for), mail through the platform's mail catcher (GreenMail),
 * and each reminder once a day although both replicas of assignment-service run a pass at the same moment, twice.
 */
@ExtendWith(SharedPlatform.class)
class RemindersIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void each_leader_and_department_gets_one_digest_a_day_from_two_replicas() throws Exception {
        String surname = "R" + UUID.randomUUID().toString().substring(0, 6);
        String leaderAddress = "leader-" + surname.toLowerCase() + "@petitions.local";
        makeLeader("leader-" + surname.toLowerCase(), "Leader", surname, leaderAddress);

        String id = as("reception1", PETITION).body(Map.of("channel", "VISIT", "receivedOn", "2025-11-05",
                "petitioner", Map.of("name", "Zhao Lei", "idNumber", "130100199312266955"), "headcount", 1,
                "subject", "enforcement of a judgment delayed", "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        Map<String, Object> assignment = Map.of("petitionId", id, "department", "COURT",
                "responsibleLeader", "Leader " + surname, "difficulty", "DIFFICULT", "assignedOn", "2025-11-06");
        await().atMost(EVENTUAL).until(() -> as("supervisor1", ASSIGNMENT).body(assignment).post("/api/cases")
                .statusCode() == 201);
        String caseNumber = as("judge1", ASSIGNMENT).get("/api/cases/" + id).then().statusCode(200).extract()
                .path("caseNumber");

        for (int pass = 1; pass <= 2; pass++) {
            List<CompletableFuture<JsonNode>> runs = new ArrayList<>();
            for (PlatformSettings.Instance replica : assignmentReplicas()) {
                runs.add(CompletableFuture.supplyAsync(() -> run(replica)));
            }
            for (CompletableFuture<JsonNode> run : runs) {
                JsonNode result = run.join();
                assertThat(result.get("directoryConfigured").asBoolean()).isTrue();
                assertThat(result.get("failed").asInt()).as("pass " + pass + ": " + result).isZero();
            }
        }

        String today = chinese(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        List<JsonNode> leaderMails = mailsOfToday(leaderAddress, today);
        assertThat(leaderMails).as("one digest for the leader, from two replicas running two passes").hasSize(1);
        assertThat(leaderMails.get(0).get("subject").asText()).startsWith("信访案件到期提醒（Leader " + surname + "，" + today);
        assertThat(body(leaderMails.get(0))).contains("Leader " + surname + "：").contains(caseNumber + "｜法院｜办理期限 2025-12-15");
        assertThat(mailsOfToday("judge1@petitions.local", today)).as("one digest for the court's officers").hasSize(1);

        JsonNode ledger = JSON.readTree(as("admin1", ASSIGNMENT).get("/api/admin/reminders").then().statusCode(200)
                .extract().asString());
        assertThat(ledger.findValuesAsText("recipient")).contains(leaderAddress, "judge1@petitions.local");
    }

    private static List<PlatformSettings.Instance> assignmentReplicas() {
        PlatformSettings settings = SharedPlatform.settings();
        return settings.instancesOf(settings.services().get(ASSIGNMENT));
    }

    private static JsonNode run(PlatformSettings.Instance replica) {
        try {
            return JSON.readTree(given().baseUri(replica.baseUrl()).auth().oauth2(token("admin1"))
                    .post("/api/admin/reminders/run").then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The mails in the catcher's inbox of {@code address} whose subject names {@code day}. */
    private static List<JsonNode> mailsOfToday(String address, String day) throws Exception {
        String answer = given().get(SharedPlatform.settings().mailboxUrl(address)).then().statusCode(200).extract().asString();
        List<JsonNode> mails = new ArrayList<>();
        JSON.readTree(answer).forEach(mail -> {
            if (mail.get("subject").asText().contains(day)) {
                mails.add(mail);
            }
        });
        return mails;
    }

    /** The text of a single-part mail, its transfer encoding undone. */
    private static String body(JsonNode mail) {
        String mime = mail.get("mimeMessage").asText();
        int split = mime.indexOf("\r\n\r\n");
        String headers = mime.substring(0, split).toLowerCase();
        String content = mime.substring(split + 4);
        if (headers.contains("content-transfer-encoding: base64")) {
            return new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8);
        }
        if (headers.contains("content-transfer-encoding: quoted-printable")) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            String soft = content.replace("=\r\n", "");
            for (int i = 0; i < soft.length(); i++) {
                char c = soft.charAt(i);
                if (c == '=' && i + 2 < soft.length()) {
                    bytes.write(Integer.parseInt(soft.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
        return content;
    }

    private static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** A leader made in Keycloak through its admin API, as the committee's administrator would. */
    private static void makeLeader(String username, String firstName, String lastName, String email) {
        String realm = KeycloakAdmin.base() + "/admin/realms/petitions";
        KeycloakAdmin.asAdmin().contentType("application/json").body(Map.of("username", username, "enabled", true,
                "firstName", firstName, "lastName", lastName, "email", email, "emailVerified", true))
                .post(realm + "/users").then().statusCode(201);
        Map<String, Object> role = KeycloakAdmin.asAdmin().get(realm + "/roles/leader").then().statusCode(200).extract()
                .jsonPath().getMap("$");
        KeycloakAdmin.asAdmin().contentType("application/json").body(List.of(role))
                .post(realm + "/users/" + KeycloakAdmin.userId(username) + "/role-mappings/realm").then().statusCode(204);
    }
}
