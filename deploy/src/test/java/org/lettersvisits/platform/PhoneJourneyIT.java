package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The two ends of a case worked from a phone (390 px wide, as staff carry them), against the running platform:
 * a police officer opens the file of a case in the department's queue, reads the whole description and closes the
 * case from the file; a return-visit officer opens the worklist at a case from a link ({@code ?q=<case number>}),
 * sees whom to call (name, masked phone), what was asked and what the department answered, reveals the number (and
 * petition-service's access log records it), records an attempt that did not reach the petitioner, then the visit.
 * At every step: nothing wider than the screen, and the actions within it.
 */
@ExtendWith(SharedPlatform.class)
class PhoneJourneyIT {

    private static final Dimension PHONE = new Dimension(390, 844);

    private static String page(int service) {
        return SharedPlatform.settings().services().get(service).baseUrl() + "/";
    }

    private static final String ASSIGNMENT = page(E2eClient.ASSIGNMENT);
    private static final String FOLLOWUP = page(E2eClient.FOLLOWUP);

    private static final String PHONE_NUMBER = "13912345656";
    private static final String MASKED_PHONE = "139****5656";

    /** A law-and-litigation petition of 2025 (never the seed's 2026) assigned to public security. */
    private record AssignedCase(String id, String caseNumber, String subject, String description) {
    }

    private static AssignedCase assignedToPublicSecurity(String receivedOn, String name) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String subject = "工伤赔偿执行纠纷 " + tag;
        String description = "信访人反映：其于2024年在工地受伤，法院判决的工伤赔偿至今未执行到位，"
                + "多次到派出所和法院询问均无结果，请求督促依法执行并追究拖欠责任。编号" + tag;
        String id = E2eClient.as("reception1", E2eClient.PETITION).body(Map.of("channel", "VISIT", "receivedOn", receivedOn,
                "petitioner", Map.of("name", name, "phone", PHONE_NUMBER, "address", "北京市海淀区中关村大街1号院3号楼"),
                "subject", subject, "description", description, "involvesLawAndLitigation", true))
                .post("/api/petitions").then().statusCode(201).extract().path("id");
        await().atMost(Browser.WAIT).until(() -> E2eClient.as("supervisor1", E2eClient.ASSIGNMENT)
                .body(Map.of("petitionId", id, "department", "PUBLIC_SECURITY", "responsibleLeader", "张副局长",
                        "assignedOn", receivedOn))
                .post("/api/cases").statusCode() == 201);
        String caseNumber = E2eClient.as("supervisor1", E2eClient.ASSIGNMENT).get("/api/cases/" + id).then()
                .statusCode(200).extract().path("caseNumber");
        return new AssignedCase(id, caseNumber, subject, description);
    }

    @Test
    void a_police_officer_opens_the_file_from_the_queue_reads_the_whole_petition_and_closes_the_case_from_a_phone() {
        AssignedCase c = assignedToPublicSecurity("2025-08-14", "钱振华");
        try (Browser browser = Browser.open(PHONE)) {
            // the department's queue, narrowed to the case by its number (kept in the address, as a shared link would)
            browser.openAs("police1", ASSIGNMENT + "?queue.q=" + c.caseNumber() + "#queue");
            String link = "#queue-items a[data-file='" + c.id() + "']";
            browser.find(link);
            fitsTheScreen(browser, "the department's queue");
            withinReach(browser, link);
            browser.screenshot("department-queue-phone");

            browser.click(link);
            browser.find("#case-file");
            await().atMost(Browser.WAIT).until(() -> browser.text("#file-description").contains(c.description()));
            assertThat(browser.text("#file-petitioner-name")).contains("钱振华");
            assertThat(browser.text("#file-phone")).contains(MASKED_PHONE).doesNotContain(PHONE_NUMBER);
            assertThat(browser.text("#file-subject")).contains(c.subject());
            fitsTheScreen(browser, "the case file");
            browser.screenshot("case-file-phone");

            // accept, then close from the file, each from a panel as wide as the screen
            browser.click("#file-accept");
            await().atMost(Browser.WAIT).until(() -> "ACCEPTED".equals(browser.attribute("#file-status", "data-status")));
            browser.click("#file-close-open");
            browser.type("#file-close-resolution", "经调查核实，已协调法院执行到位，信访人诉求已解决");
            browser.setValue("#file-close-closedOn", "2025-08-29");
            fitsTheScreen(browser, "the close panel");
            scrollTo(browser, "#file-close-save");
            withinReach(browser, "#file-close-save");
            browser.screenshot("case-file-phone-close");
            browser.click("#file-close-save");
            await().atMost(Browser.WAIT).until(() -> "CLOSED".equals(browser.attribute("#file-status", "data-status")));
            assertThat(browser.text("#file-answer")).contains("已协调法院执行到位");
        }
        E2eClient.as("police1", E2eClient.ASSIGNMENT).get("/api/cases/" + c.id()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
    }

    @Test
    void a_police_officer_photographs_the_signed_receipt_and_attaches_it_from_the_case_file_on_a_phone() throws Exception {
        AssignedCase c = assignedToPublicSecurity("2025-08-18", "周立新");
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("signed-receipt-", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(java.awt.Color.BLACK);
        g.drawString("receipt signed " + c.caseNumber(), 20, 100);
        g.dispose();
        javax.imageio.ImageIO.write(image, "png", photo.toFile());
        byte[] sent = java.nio.file.Files.readAllBytes(photo);

        try (Browser browser = Browser.open(PHONE)) {
            browser.openAs("police1", ASSIGNMENT + "#/cases/" + c.id());
            await().atMost(Browser.WAIT).until(() -> browser.text("#file-description").contains(c.description()));
            // the papers the case already has: its assignment sheet
            await().atMost(Browser.WAIT).until(() -> !browser.all("#file-documents li[data-kind='ASSIGNMENT_SHEET']").isEmpty());
            scrollTo(browser, "#attachment-file");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("#attachment-file")).sendKeys(photo.toString());
            new Select(browser.find("#attachment-kind")).selectByValue("RECEIPT_PHOTO");
            withinReach(browser, "#attachment-upload");
            fitsTheScreen(browser, "the attachments card");
            browser.click("#attachment-upload");
            await().atMost(Browser.WAIT).until(() -> browser.all("#file-attachments li").size() == 1);
            scrollTo(browser, "#file-attachments");
            fitsTheScreen(browser, "the attachments card with the photo");
            browser.screenshot("case-file-phone-attachment");
        }
        List<Map<String, Object>> items = E2eClient.as("police1", E2eClient.ASSIGNMENT).get("/api/cases/" + c.id() + "/attachments")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("mediaType", "image/png").containsEntry("size", sent.length);
        byte[] back = E2eClient.as("police1", E2eClient.ASSIGNMENT).get("/api/cases/" + c.id() + "/attachments/" + items.get(0).get("id"))
                .then().statusCode(200).extract().asByteArray();
        assertThat(back).as("the photo comes back as it was taken").isEqualTo(sent);
    }

    @Test
    void a_return_visit_officer_calls_from_a_phone_fails_to_reach_the_petitioner_once_and_records_the_visit() {
        AssignedCase c = assignedToPublicSecurity("2025-08-12", "赵桂兰");
        String answer = "已督促法院立案执行，赔偿款已于8月20日执行到位 " + c.caseNumber();
        E2eClient.as("police1", E2eClient.ASSIGNMENT).post("/api/cases/" + c.id() + "/accept?acceptedOn=2025-08-12")
                .then().statusCode(200);
        E2eClient.as("police1", E2eClient.ASSIGNMENT).body(Map.of("resolution", answer, "closedOn", "2025-08-25"))
                .post("/api/cases/" + c.id() + "/close").then().statusCode(200);
        String visitId = await().atMost(Browser.WAIT).until(() -> E2eClient.as("followup1", E2eClient.FOLLOWUP)
                .queryParam("q", c.caseNumber()).get("/api/return-visits").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.id").stream().findFirst().orElse(null), java.util.Objects::nonNull);

        try (Browser browser = Browser.open(PHONE)) {
            // a link with the case number opens the worklist at that case
            browser.openAs("followup1", FOLLOWUP + "?q=" + c.caseNumber());
            String visit = "#worklist tr[data-visit='" + visitId + "']";
            browser.find(visit);
            await().atMost(Browser.WAIT).until(() -> browser.text(visit + " [data-petitioner='name']").contains("赵桂兰"));
            assertThat(browser.text(visit + " [data-petitioner='phone']")).contains(MASKED_PHONE).doesNotContain(PHONE_NUMBER);
            assertThat(browser.text(visit + " [data-text='subject']")).contains(c.subject());
            assertThat(browser.text(visit + " [data-text='answer']")).contains(answer);
            assertThat(browser.attribute("#worklist-q", "value")).isEqualTo(c.caseNumber());
            fitsTheScreen(browser, "the worklist");
            for (String action : List.of("#reveal-" + visitId, "#open-attempt-" + visitId, "#open-complete-" + visitId)) {
                scrollTo(browser, action);
                withinReach(browser, action);
            }
            browser.screenshot("worklist-phone");

            // one tap shows the number as a link that dials it; petition-service writes the reveal to its access log
            browser.click("#reveal-" + visitId);
            String dial = visit + " a[href='tel:" + PHONE_NUMBER + "']";
            withinReach(browser, dial);
            assertThat(E2eClient.as("admin1", E2eClient.PETITION).queryParam("petitionId", c.id()).queryParam("kind", "REVEAL")
                    .get("/api/admin/record-views").then().statusCode(200).extract().jsonPath().getList("items.viewer"))
                    .as("the reveal in the access log").hasSize(1);

            // nobody answers: an attempt, which does not count as the visit
            browser.click("#open-attempt-" + visitId);
            new Select(browser.find("#attempt-reason")).selectByValue("NO_ANSWER");
            browser.type("#attempt-notes", "上午十点拨打，无人接听");
            fitsTheScreen(browser, "the attempt form");
            scrollTo(browser, "#attempt-save");
            withinReach(browser, "#attempt-save");
            browser.screenshot("worklist-phone-attempt");
            browser.click("#attempt-save");
            await().atMost(Browser.WAIT).until(() -> browser.text(visit + " [data-field='attempts']").contains("1"));
            assertThat(browser.text(visit + " [data-field='last-attempt']")).contains("无人接听");

            // the second call reaches the petitioner: the visit is recorded
            browser.click("#open-complete-" + visitId);
            browser.type("#visit-visitor", "回访员李");
            browser.setValue("#visit-visitedOn", "2025-08-28");
            new Select(browser.find("#visit-satisfaction")).selectByValue("SATISFIED");
            browser.type("#visit-notes", "信访人对执行结果表示满意，同意息诉罢访");
            browser.click("#visit-petitionerWithdraws");
            fitsTheScreen(browser, "the visit form");
            scrollTo(browser, "#visit-save");
            withinReach(browser, "#visit-save");
            browser.screenshot("worklist-phone-visit");
            browser.click("#visit-save");
            await().atMost(Browser.WAIT).until(() -> "COMPLETED".equals(E2eClient.as("followup1", E2eClient.FOLLOWUP)
                    .queryParam("q", c.caseNumber()).get("/api/return-visits").then().extract().path("items[0].status")));

            // the case number opens the whole file, where the visit now stands with its notes
            String file = browser.attribute(visit + " a[data-file='" + c.id() + "']", "href");
            browser.openAs("followup1", file);
            await().atMost(Browser.WAIT).until(() -> browser.text("#file-description").contains(c.description()));
            await().atMost(Browser.WAIT).until(() -> {
                browser.driver().navigate().refresh();
                browser.awaitReady();
                return !browser.all("#file-return-visits article[data-status='COMPLETED']").isEmpty();
            });
            assertThat(browser.text("#file-return-visits")).contains("信访人对执行结果表示满意");
            assertThat(browser.text("#file-answer")).contains(answer);
            fitsTheScreen(browser, "the case file, for the return-visit officer");
        }
        assertThat(E2eClient.as("followup1", E2eClient.FOLLOWUP).queryParam("q", c.caseNumber()).get("/api/return-visits")
                .then().statusCode(200).extract().jsonPath().getInt("items[0].attempts")).isEqualTo(1);
    }

    /** Nothing on the page is wider than the screen: no sideways scrolling. */
    private static void fitsTheScreen(Browser browser, String where) {
        long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as(where + ": pixels wider than the screen").isLessThanOrEqualTo(0L);
    }

    /** What {@code css} selects is shown and lies within the screen's width (reachable without scrolling sideways). */
    private static void withinReach(Browser browser, String css) {
        browser.find(css);
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) ((JavascriptExecutor) browser.driver()).executeScript(
                "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + "return [r.left, r.right, r.width, document.documentElement.clientWidth];", css);
        assertThat(box.get(2).doubleValue()).as(css + " has a width").isPositive();
        assertThat(box.get(0).doubleValue()).as(css + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.get(1).doubleValue()).as(css + " right edge").isLessThanOrEqualTo(box.get(3).doubleValue());
    }

    private static void scrollTo(Browser browser, String css) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.find(css));
    }
}
