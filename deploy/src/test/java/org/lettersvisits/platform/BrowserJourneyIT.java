package org.lettersvisits.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The committee's people in a real Chromium against the running platform, signing in on Keycloak's own page:
 * reception registers a visit, the supervisor assigns it to public security, the police officer closes it,
 * the return-visit officer completes the visit, and the leader's dashboard counts change.
 */
@ExtendWith(SharedPlatform.class)
class BrowserJourneyIT {

    private static String page(int service) {
        return SharedPlatform.settings().services().get(service).baseUrl() + "/";
    }

    private static final String PETITION = page(0);
    private static final String ASSIGNMENT = page(1);
    private static final String FOLLOWUP = page(2);
    private static final String REPORTING = page(3);

    /**
     * The journey's day, received and assigned (closed and visited soon after): the leader looks at that day
     * alone, so other tests' cases cannot move the counts, and the seed's year (2026, SeedYearIT) keeps the
     * committee's figures.
     */
    private static final String JOURNEY_DAY = "2025-06-18";

    @Test
    void a_visit_goes_from_reception_to_the_leaders_dashboard() throws Exception {
        String dayReport = REPORTING + "#from=" + JOURNEY_DAY + "&to=" + JOURNEY_DAY;
        try (Browser browser = Browser.open()) {
            browser.openAs("leader1", dayReport);
            int receivedBefore = count(browser, "PUBLIC_SECURITY", "received");
            int closedBefore = count(browser, "PUBLIC_SECURITY", "closed");
            browser.signOut();

            // reception: a bad ID number is refused beside its field, then the visit is registered from the keyboard
            browser.openAs("reception1", PETITION);
            assertThat(browser.find("#joint-visit-status").getText()).isNotBlank();
            String subject = "欠薪纠纷诉讼久拖未决 " + UUID.randomUUID().toString().substring(0, 8);
            browser.setValue("#register [name='receivedOn']", JOURNEY_DAY);
            browser.type("#register [name='petitioner.name']", "王敏");
            browser.type("#register [name='petitioner.idNumber']", "130100199312266954");
            browser.type("#register [name='subject']", subject);
            browser.find("#register [name='involvesLawAndLitigation']").click();
            browser.find("#register [name='subject']").sendKeys(Keys.ENTER);
            WebElement idError = browser.find("#register .field-error[data-for='petitioner.idNumber']");
            await().atMost(Browser.WAIT).until(() -> !idError.getText().isBlank());
            assertThat(browser.find("#register [name='petitioner.idNumber']").getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("reception-validation");

            browser.type("#register [name='petitioner.idNumber']", "130100199312266955");
            browser.find("#register [name='subject']").sendKeys(Keys.ENTER);
            WebElement registered = browser.find("#registered-case");
            String caseId = registered.getAttribute("href").substring(registered.getAttribute("href").indexOf("#case/") + 6);
            String caseNumber = browser.find("#register-result").getAttribute("data-case-number");
            assertThat(caseNumber).isNotBlank();
            // the visitor's receipt: the case number, the statutory notice day (received 18 June 2025: 3 July), the
            // ID number masked
            browser.find("#registered-receipt").click();
            await().atMost(Browser.WAIT).until(() -> browser.find("#receipt-case-number").getText().equals(caseNumber));
            assertThat(browser.find("#receipt-notice-due").getAttribute("data-date")).isEqualTo("2025-07-03");
            assertThat(browser.find("#receipt-facts").getText()).contains("130100********6955")
                    .doesNotContain("130100199312266955");
            browser.screenshot("receipt");
            browser.find("#receipt-pdf").click(); // the same receipt as an A5 PDF
            Path receiptPdf = browser.downloads().resolve("receipt-" + caseNumber + ".pdf");
            await().atMost(Browser.WAIT).until(() -> Files.isRegularFile(receiptPdf) && Files.size(receiptPdf) > 0);
            assertThat(new String(Files.readAllBytes(receiptPdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            browser.find("#receipt a[href='#']").click();
            await().atMost(Browser.WAIT).until(() -> browser.find("#lookup").isDisplayed());
            // found by its case number typed without the XF- prefix, then by the petitioner's ID number
            browser.type("#lookup [name='q']", caseNumber.substring("XF-".length()));
            browser.find("#lookup button[type='submit']").click();
            browser.find("#lookup-results a[href='#case/" + caseId + "']");
            browser.screenshot("reception-case-number-search");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('lookup-results').replaceChildren()");
            browser.type("#lookup [name='q']", "");
            browser.type("#lookup [name='idNumber']", "130100199312266955");
            browser.find("#lookup button[type='submit']").click();
            browser.find("#lookup-results a[href='#case/" + caseId + "']");
            browser.screenshot("reception-desk");
            // by the petitioner's name: ranked, each row saying why it matched, paged
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('lookup-results').replaceChildren()");
            browser.type("#lookup [name='idNumber']", "");
            browser.type("#lookup [name='q']", "王敏");
            browser.find("#lookup button[type='submit']").click();
            String byName = "#lookup-results tr[data-case-number='" + caseNumber + "']";
            pageUntil(browser, "#lookup-results", byName);
            assertThat(browser.find(byName + " td.matched").getText()).isEqualTo("姓名");
            assertThat(browser.find("#lookup-results .pager-range").getText()).matches("第 \\d+–\\d+ 件，共 \\d+ 件");
            browser.screenshot("reception-search-ranked");
            browser.signOut();

            // supervisor: assigns it to public security, with the default deadline previewed
            browser.openAs("supervisor1", ASSIGNMENT);
            String row = "#unassigned tr[data-case-number='" + caseNumber + "']";
            pageUntil(browser, "#unassigned", row);
            browser.find(row + " details summary").click();
            browser.type(row + " [name='responsibleLeader']", "张副局长");
            browser.setValue(row + " [name='assignedOn']", JOURNEY_DAY);
            await().atMost(Browser.WAIT).until(() -> browser.find(row + " .deadline-preview").getText().contains("默认办理期限"));
            browser.screenshot("supervisor-board");
            browser.find(row + " form[data-action='assign'] button[type='submit']").click();
            await().atMost(Browser.WAIT).until(() -> browser.find(row + " .success").getText().contains("公安局"));
            browser.signOut();

            // police officer: sees only the department's queue, accepts and closes the case
            browser.openAs("police1", ASSIGNMENT);
            assertThat(browser.all("header.lv-header nav a")).extracting(WebElement::getText).containsExactly("部门案件");
            String queued = "#queue-items tr[data-case-number='" + caseNumber + "']";
            pageUntil(browser, "#queue-items", queued);
            browser.find(queued + " button[data-action='accept']").click();
            browser.find(queued + " details:has(form[data-action='close']) summary").click();
            browser.type(queued + " [name='resolution']", "已依法处理，欠薪已追回");
            browser.setValue(queued + " [name='closedOn']", "2025-06-30");
            browser.screenshot("department-queue");
            browser.find(queued + " form[data-action='close'] button[type='submit']").click();
            await().atMost(Browser.WAIT).until(() -> browser.all(queued).isEmpty());
            browser.signOut();

            // return-visit officer: the visit appears once the closure has reached followup-service
            browser.openAs("followup1", FOLLOWUP);
            String visit = "#worklist tr[data-case-number='" + caseNumber + "']";
            await().atMost(Browser.WAIT).until(() -> {
                browser.driver().navigate().refresh();
                browser.awaitReady();
                return browser.find("#worklist").isDisplayed() && onSomePage(browser, "#worklist", visit);
            });
            browser.find(visit + " details summary").click();
            browser.type(visit + " [name='visitor']", "回访员李");
            browser.setValue(visit + " [name='visitedOn']", "2025-07-03");
            browser.type(visit + " [name='notes']", "信访人对处理结果表示满意");
            browser.find(visit + " [name='petitionerWithdraws']").click();
            browser.screenshot("return-visits");
            browser.find(visit + " form[data-action='complete'] button[type='submit']").click();
            await().atMost(Browser.WAIT).until(() -> browser.all(visit).isEmpty());
            browser.signOut();

            // leader: the dashboard counts the case as received and closed by public security
            browser.openAs("leader1", dayReport);
            await().atMost(Browser.WAIT).until(() -> {
                browser.driver().navigate().refresh();
                browser.awaitReady();
                return count(browser, "PUBLIC_SECURITY", "received") == receivedBefore + 1
                        && count(browser, "PUBLIC_SECURITY", "closed") == closedBefore + 1;
            });
            assertThat(browser.find("#summary-extra").getText()).contains(JOURNEY_DAY + " 至 " + JOURNEY_DAY);
            browser.go(REPORTING);
            browser.driver().navigate().refresh();
            browser.awaitReady();
            assertThat(browser.find("#period-from").getAttribute("value")).endsWith("-01-01");
            assertThat(browser.find("#days-to-mid-december").getText()).matches("还有 \\d+ 天");
            browser.screenshot("leader-dashboard-journey");

            // a count opens the list behind it: public security's closed cases, the journey's among them
            browser.click("#summary tr[data-department='PUBLIC_SECURITY'] td[data-measure='closed'] a");
            browser.awaitReady();
            assertThat(browser.attribute("#queue-status", "value")).isEqualTo("CLOSED");
            String closedRow = "#queue-items tr[data-case-number='" + caseNumber + "']";
            await().atMost(Browser.WAIT).until(() -> onSomePage(browser, "#queue-items", closedRow));

            // the case page tells the whole story
            browser.go(PETITION + "#case/" + caseId);
            browser.awaitReady();
            await().atMost(Browser.WAIT).until(() -> {
                browser.driver().navigate().refresh();
                browser.awaitReady();
                return !browser.all("#case-timeline li[data-type='return-visit.completed.v1']").isEmpty();
            });
            assertThat(browser.all("#case-timeline li")).extracting(li -> li.getAttribute("data-type"))
                    .contains("petition.registered-sealed.v1", "case.assigned.v1", "case.accepted.v1", "case.closed.v1", "return-visit.completed.v1");
            // the statutory limits: the notice from the day received, handling from the day accepted
            assertThat(browser.find("#acceptance-notice-due").getAttribute("data-date")).isEqualTo("2025-07-03");
            assertThat(browser.find("#handling-due").getAttribute("data-date")).isNotBlank();
            browser.screenshot("case-page");

            // the case page links to the same case's file on the assignment page, as the leader reads it at a desk
            String file = browser.find("#case-file-link").getAttribute("href");
            assertThat(file).isEqualTo(ASSIGNMENT + "#/cases/" + caseId);
            browser.openAs("leader1", file);
            await().atMost(Browser.WAIT).until(() -> {
                browser.driver().navigate().refresh();
                browser.awaitReady();
                return !browser.all("#file-return-visits article[data-status='COMPLETED']").isEmpty();
            });
            assertThat(browser.text("#file-answer")).contains("已依法处理，欠薪已追回");
            browser.screenshot("case-file-desk");
        }
    }

    @Test
    void staff_record_a_repeat_visit_suspend_resume_change_a_deadline_and_transfer() {
        String id = E2eClient.as("reception1", E2eClient.PETITION).body(Map.of("channel", "VISIT", "receivedOn", "2025-07-09",
                "petitioner", Map.of("name", "李强"), "subject", "土地承包纠纷诉讼 " + UUID.randomUUID().toString().substring(0, 8),
                "involvesLawAndLitigation", true)).post("/api/petitions").then().statusCode(201).extract().path("id");
        await().atMost(Browser.WAIT).until(() -> E2eClient.as("supervisor1", E2eClient.ASSIGNMENT)
                .body(Map.of("petitionId", id, "department", "PROCURATORATE", "responsibleLeader", "王副检察长",
                        "assignedOn", "2025-07-09"))
                .post("/api/cases").statusCode() == 201);
        String caseNumber = E2eClient.as("supervisor1", E2eClient.ASSIGNMENT).get("/api/cases/" + id).then()
                .extract().path("caseNumber");
        String newDeadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60).toString();

        try (Browser browser = Browser.open()) {
            browser.openAs("reception1", PETITION + "#case/" + id);
            browser.find("#case-visits tbody tr");
            browser.type("#repeat-visit [name='note']", "信访人再次来访询问进展");
            browser.find("#repeat-visit button[type='submit']").click();
            await().atMost(Browser.WAIT).until(() -> browser.all("#case-visits tbody tr").size() == 2);
            browser.signOut();

            browser.openAs("procurator1", ASSIGNMENT + "#queue");
            String row = "#queue-items tr[data-case-number='" + caseNumber + "']";
            pageUntil(browser, "#queue-items", row);
            browser.find(row + " button[data-action='accept']").click();
            browser.find(row + " details:has(form[data-action='suspend']) summary").click();
            browser.type(row + " form[data-action='suspend'] [name='reason']", "信访人申请暂缓处理");
            browser.find(row + " form[data-action='suspend'] button[type='submit']").click();
            browser.find(row + " button[data-action='resume']").click();
            browser.find(row + " details:has(form[data-action='close']) summary");
            browser.signOut();

            browser.openAs("supervisor1", ASSIGNMENT + "#board");
            new Select(browser.find("#supervise-department")).selectByValue("PROCURATORATE");
            String supervised = "#supervised tr[data-case-number='" + caseNumber + "']";
            pageUntil(browser, "#supervised", supervised);
            browser.find(supervised + " details:has(form[data-action='deadline']) summary").click();
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                    browser.find(supervised + " form[data-action='deadline'] [name='deadline']"), newDeadline);
            browser.type(supervised + " form[data-action='deadline'] [name='reason']", "案情复杂，需调取外地证据");
            browser.find(supervised + " form[data-action='deadline'] button[type='submit']").click();
            await().atMost(Browser.WAIT).until(() -> browser.find(supervised).getText().contains(newDeadline));
            browser.find(supervised + " details:has(form[data-action='transfer']) summary").click();
            new Select(browser.find(supervised + " form[data-action='transfer'] [name='department']")).selectByValue("COURT");
            browser.type(supervised + " form[data-action='transfer'] [name='reason']", "纠纷已进入诉讼程序");
            browser.find(supervised + " form[data-action='transfer'] button[type='submit']").click();
            await().atMost(Browser.WAIT).until(() -> browser.all(supervised).isEmpty());
        }
        E2eClient.as("supervisor1", E2eClient.ASSIGNMENT).get("/api/cases/" + id).then()
                .body("department", equalTo("COURT")).body("deadline", equalTo(newDeadline))
                .body("history.type", hasItems("case.suspended.v1", "case.resumed.v1", "case.deadline-changed.v1", "case.transferred.v1"));
    }

    @Test
    void every_page_asks_for_a_login_first_and_one_login_serves_all_four() {
        try (Browser browser = Browser.open()) {
            for (String page : List.of(PETITION, ASSIGNMENT, FOLLOWUP, REPORTING)) {
                browser.go(page);
                browser.awaitLoginPage();
            }
            browser.screenshot("login");
            browser.signIn("supervisor1");
            for (String page : List.of(PETITION, ASSIGNMENT, FOLLOWUP)) {
                browser.go(page);
                browser.awaitReady();
                assertThat(browser.onLoginPage()).isFalse();
                assertThat(browser.all("header.lv-header nav a")).hasSize(5);
            }
            browser.find("header.lv-header button[lang='en']").click();
            browser.awaitReady();
            assertThat(browser.find("#lv-logout").getText()).isEqualTo("Log out");
            browser.find("header.lv-header button[lang='zh-CN']").click();
            browser.awaitReady();
            assertThat(browser.find("#lv-logout").getText()).isEqualTo("退出登录");

            browser.signOut();
            browser.go(ASSIGNMENT);
            browser.awaitLoginPage();
        }
    }

    @Test
    void an_expired_session_sends_the_user_back_to_the_login_page() throws java.io.IOException {
        try (Browser browser = Browser.open()) {
            browser.openAs("reception1", PETITION);
            endKeycloakSessionsOf("reception1");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "var held = JSON.parse(sessionStorage.getItem('lv.tokens'));"
                            + "held.access = held.access.slice(0, -4) + 'AAAA';"
                            + "sessionStorage.setItem('lv.tokens', JSON.stringify(held));");
            browser.type("#lookup [name='q']", "王敏");
            browser.find("#lookup button[type='submit']").click();
            browser.awaitLoginPage();
        }
    }

    @Test
    void an_officer_pages_through_a_queue_longer_than_a_page_and_sees_every_case_once() throws Exception {
        ApiClient api = new ApiClient(SharedPlatform.settings());
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < 21; i++) {
            ApiClient.Answer registered = api.post("reception1", 0, "/api/petitions", Map.of("channel", "LETTER",
                    "receivedOn", "2025-05-0" + (1 + i % 9), "receivedBy", "窗口", "petitioner", Map.of("name", "赵" + i),
                    "subject", "土地承包纠纷判决执行 " + i, "involvesLawAndLitigation", true));
            assertThat(registered.status()).isEqualTo(201);
            Map<String, Object> assignment = Map.of("petitionId", registered.body().path("id").asText(),
                    "department", "JUSTICE_BUREAU", "responsibleLeader", "李副局长", "assignedOn", "2025-05-10");
            // the registration may still be on its way to assignment-service (404 until then)
            await().atMost(Browser.WAIT).until(() -> api.post("supervisor1", 1, "/api/cases", assignment).status() == 201);
            assigned.add(registered.body().path("caseNumber").asText());
        }
        // and one due in three days from today, in the committee's time zone
        ApiClient.Answer dueSoon = api.post("reception1", 0, "/api/petitions", Map.of("channel", "LETTER",
                "receivedOn", "2025-05-01", "receivedBy", "窗口", "petitioner", Map.of("name", "钱"),
                "subject", "执行款发放纠纷", "involvesLawAndLitigation", true));
        String inThreeDays = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        Map<String, Object> dueSoonAssignment = Map.of("petitionId", dueSoon.body().path("id").asText(),
                "department", "JUSTICE_BUREAU", "responsibleLeader", "李副局长", "assignedOn", "2025-05-10",
                "deadline", inThreeDays); // assigned in 2025: the seed year's table (2026) stays the committee's
        await().atMost(Browser.WAIT).until(() -> api.post("supervisor1", 1, "/api/cases", dueSoonAssignment).status() == 201);
        String dueSoonRow = "#queue-items tr[data-case-number='" + dueSoon.body().path("caseNumber").asText() + "']";
        try (Browser browser = Browser.open()) {
            browser.openAs("justice1", ASSIGNMENT + "#queue");
            pageUntil(browser, "#queue-items", dueSoonRow);
            assertThat(browser.find(dueSoonRow + " .badge.due-soon").getText()).isEqualTo("还有 3 天");
            assertThat(browser.find(dueSoonRow + " .badge.due-soon").getAttribute("class")).contains("due-3")
                    .doesNotContain("due-1");
            // the page is kept in the address: a reload (or the link, shared) shows the same page
            String shown = browser.find("#queue-items .pager-range").getText();
            browser.driver().navigate().refresh();
            browser.awaitReady();
            await().atMost(Browser.WAIT).until(() -> !browser.all("#queue-items .pager-range").isEmpty()
                    && browser.text("#queue-items .pager-range").equals(shown));
            while (browser.enabled("#queue-items button[data-page='previous']")) {
                browser.awaitRendered("#queue-items");
                String range = browser.text("#queue-items .pager-range");
                browser.click("#queue-items button[data-page='previous']");
                await().atMost(Browser.WAIT).until(() -> !browser.text("#queue-items .pager-range").equals(range));
            }
            List<String> seen = new ArrayList<>();
            while (true) {
                browser.awaitRendered("#queue-items");
                String range = browser.text("#queue-items .pager-range");
                assertThat(range).matches("第 \\d+–\\d+ 件，共 \\d+ 件");
                browser.all("#queue-items tbody tr").forEach(row -> seen.add(row.getAttribute("data-case-number")));
                if (!browser.enabled("#queue-items button[data-page='next']")) {
                    break;
                }
                if (seen.size() == 20) {
                    ((JavascriptExecutor) browser.driver()).executeScript(
                            "arguments[0].scrollIntoView({block: 'end'})", browser.find("#queue-items .pager"));
                    browser.screenshot("department-queue-pager");
                }
                browser.click("#queue-items button[data-page='next']");
                await().atMost(Browser.WAIT).until(() -> !browser.text("#queue-items .pager-range").equals(range));
            }
            assertThat(seen).as("more than one page").hasSizeGreaterThan(20).doesNotHaveDuplicates().containsAll(assigned);
            assertThat(browser.find("#queue-items button[data-page='previous']").isEnabled()).isTrue();

            // the head of department: one leader's cases, most overdue first, a case found by its number, exported
            new Select(browser.find("#queue-items select[name='leader']")).selectByValue("李副局长");
            awaitShown(browser, "#queue-items", "queue.leader=");
            new Select(browser.find("#queue-items select[name='sort']")).selectByValue("overdue");
            awaitShown(browser, "#queue-items", "queue.sort=overdue");
            assertThat(browser.find("#queue-items tbody tr").getAttribute("class")).contains("overdue");
            assertThat(browser.find("#queue-items [data-status-count='ASSIGNED']").getText()).matches("已交办 \\d+");
            String dueSoonNumber = dueSoon.body().path("caseNumber").asText();
            browser.type("#queue-items input[name='q']", dueSoonNumber.substring("XF-".length()));
            browser.find("#queue-items form.queue-filters button[type='submit']").click();
            awaitShown(browser, "#queue-items", "queue.q=");
            assertThat(browser.all("#queue-items tbody tr")).hasSize(1);
            assertThat(browser.all(dueSoonRow)).hasSize(1);
            browser.screenshot("department-queue-filters");
            browser.find("#queue-items button[data-export='xlsx']").click();
            await().atMost(Browser.WAIT).until(() -> exported(browser.downloads(), "queue-justice-bureau-", ".xlsx") != null);
            byte[] workbook = Files.readAllBytes(exported(browser.downloads(), "queue-justice-bureau-", ".xlsx"));
            assertThat(new String(workbook, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK"); // a zip: an .xlsx workbook
        }
    }

    /** Waits until the address holds {@code setting} and {@code list} has shown what it asked for. */
    private static void awaitShown(Browser browser, String list, String setting) {
        await().atMost(Browser.WAIT).until(() -> browser.driver().getCurrentUrl().contains(setting)
                && browser.all(list + "[aria-busy]").isEmpty());
    }

    /** The file a download saved under {@code prefix…suffix}, once it is complete, or null. */
    private static Path exported(Path downloads, String prefix, String suffix) throws java.io.IOException {
        if (!Files.isDirectory(downloads)) {
            return null; // the browser makes its download folder with the first download
        }
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))
                    .filter(f -> f.toFile().length() > 0).findFirst().orElse(null);
        }
    }

    /** Whether {@code row} shows on some page of {@code list}, paging forward with its pager until the last page. */
    private static boolean onSomePage(Browser browser, String list, String row) {
        while (browser.all(row).isEmpty()) {
            browser.awaitRendered(list);
            String next = list + " button[data-page='next']";
            if (browser.all(next).isEmpty() || !browser.enabled(next)) {
                return false;
            }
            String range = browser.text(list + " .pager-range");
            browser.click(next);
            await().atMost(Browser.WAIT).until(() -> !browser.all(row).isEmpty()
                    || !browser.text(list + " .pager-range").equals(range));
        }
        return true;
    }

    /**
     * Pages through {@code list} with its pager, as a user would, until {@code row} shows: the board lists the
     * oldest petitions first, and the other end-to-end tests leave theirs on it.
     */
    private static void pageUntil(Browser browser, String list, String row) {
        await().atMost(Browser.WAIT).until(() -> !browser.all(list + " .pager-range").isEmpty() || !browser.all(row).isEmpty());
        while (browser.all(row).isEmpty()) {
            // every element is found again after each page change: the list replaces its rows (and pager) as it renders
            browser.awaitRendered(list);
            String range = browser.text(list + " .pager-range");
            String next = list + " button[data-page='next']";
            assertThat(browser.enabled(next)).as("%s not found on any page of %s", row, list).isTrue();
            browser.click(next);
            await().atMost(Browser.WAIT).until(() -> !browser.all(row).isEmpty()
                    || !browser.text(list + " .pager-range").equals(range));
        }
    }

    @Test
    void the_dashboard_reads_at_tablet_width_and_downloads_its_csv() throws Exception {
        try (Browser browser = Browser.open(new Dimension(820, 1180))) {
            browser.openAs("leader1", REPORTING);
            browser.find("#summary tr.total");
            Long overflow = (Long) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            browser.screenshot("leader-dashboard-tablet");

            String from = browser.find("#period-from").getAttribute("value");
            String to = browser.find("#period-to").getAttribute("value");
            browser.find("#download-csv").click();
            Path csv = browser.downloads().resolve("report-" + from + "-" + to + ".csv");
            await().atMost(Browser.WAIT).until(() -> Files.isRegularFile(csv) && Files.size(csv) > 0);
            assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("合计,TOTAL,");
        }
    }

    private static int count(Browser browser, String department, String measure) {
        return Integer.parseInt(browser.find("#summary tr[data-department='" + department + "'] td[data-measure='" + measure + "']")
                .getText());
    }

    /** Ends every Keycloak session of a user through the admin API, as an idle timeout would. */
    private static void endKeycloakSessionsOf(String user) {
        KeycloakAdmin.asAdmin().post(KeycloakAdmin.base() + "/admin/realms/petitions/users/" + KeycloakAdmin.userId(user)
                + "/logout").then().statusCode(204);
    }
}
