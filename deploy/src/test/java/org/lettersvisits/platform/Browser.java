package org.lettersvisits.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven like a user: it signs in
 * on Keycloak's own login page and waits for what the page shows, never for a fixed time. Without the
 * browser the tests are skipped on a developer's machine and fail under {@code CI=true}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path downloads;

    private Browser(Dimension size) {
        Path target = Path.of(System.getProperty("platform.root", "..")).resolve("deploy/target");
        screenshots = target.resolve("screenshots");
        downloads = target.resolve("downloads").resolve(UUID.randomUUID().toString()).toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=zh-CN", "--window-size=" + size.width + "," + size.height);
        // the browser's own language (date fields, Keycloak's page) is Chinese, as on a reception desk's PC
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("LANGUAGE", "zh_CN", "LANG", "zh_CN.UTF-8")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
    }

    /** A desktop-sized browser (1280 px wide), or a failure under CI=true when Chromium is missing. */
    static Browser open() {
        return open(new Dimension(1280, 1000));
    }

    static Browser open(Dimension size) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String missing = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        return new Browser(size);
    }

    /** Where this browser saves downloads. */
    Path downloads() {
        return downloads;
    }

    WebDriver driver() {
        return driver;
    }

    void go(String url) {
        driver.get(url);
    }

    /** True once Keycloak's login form is showing. */
    boolean onLoginPage() {
        return driver.getCurrentUrl().startsWith(SharedPlatform.settings().issuer())
                && !driver.findElements(By.id("username")).isEmpty();
    }

    void awaitLoginPage() {
        await().atMost(WAIT).until(this::onLoginPage);
    }

    /** Signs in on Keycloak's page (password = user name in the local realm) and waits for the page to be ready. */
    void signIn(String user) {
        awaitLoginPage();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        awaitReady();
    }

    void awaitReady() {
        await().atMost(WAIT).until(() -> !driver.findElements(By.cssSelector("body.ready header.lv-header")).isEmpty());
    }

    /** Opens a service's page as {@code user}, signing in when Keycloak asks. */
    void openAs(String user, String url) {
        go(url);
        await().atMost(WAIT).until(() -> onLoginPage()
                || !driver.findElements(By.cssSelector("body.ready header.lv-header")).isEmpty());
        if (onLoginPage()) {
            signIn(user);
        }
    }

    void signOut() {
        driver.findElement(By.id("lv-logout")).click();
        awaitLoginPage();
    }

    WebElement find(String css) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> driver.findElement(By.cssSelector(css)),
                WebElement::isDisplayed);
    }

    /**
     * The text of what {@code css} selects, read afresh each time: a list that re-renders between finding and reading
     * cannot leave a stale reference behind.
     */
    String text(String css) {
        return await().atMost(WAIT).ignoreExceptionsMatching(Browser::rerendered)
                .until(() -> driver.findElement(By.cssSelector(css)).getText(), text -> true);
    }

    /** An attribute of what {@code css} selects, read afresh (null when it has none), as {@link #text} reads the text. */
    String attribute(String css, String name) {
        return await().atMost(WAIT).ignoreExceptionsMatching(Browser::rerendered)
                .until(() -> java.util.Optional.ofNullable(driver.findElement(By.cssSelector(css)).getAttribute(name)),
                        value -> true).orElse(null);
    }

    /** Whether what {@code css} selects is enabled, read afresh. */
    boolean enabled(String css) {
        return await().atMost(WAIT).ignoreExceptionsMatching(Browser::rerendered)
                .until(() -> driver.findElement(By.cssSelector(css)).isEnabled(), enabled -> true);
    }

    /** Clicks what {@code css} selects, found afresh (and again, if the page re-rendered it in between). */
    void click(String css) {
        await().atMost(WAIT).ignoreExceptionsMatching(Browser::rerendered).until(() -> {
            driver.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** Waits for the page's own signal that the list {@code css} has rendered: it is aria-busy while it loads. */
    void awaitRendered(String css) {
        await().atMost(WAIT).until(() -> driver.findElements(By.cssSelector(css + "[aria-busy]")).isEmpty());
    }

    private static boolean rerendered(Throwable e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || e instanceof org.openqa.selenium.NoSuchElementException;
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field the way a date picker would (typing a date depends on the browser's locale). */
    void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
                find(css), value);
    }

    /** Saves a picture made in the test (a document's page, say) beside the screenshots, as {@code <name>.png}. */
    void picture(String name, java.awt.image.RenderedImage image) {
        try {
            Files.createDirectories(screenshots);
            javax.imageio.ImageIO.write(image, "png", screenshots.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("could not save the picture " + name, e);
        }
    }

    /** Saves what the browser shows as {@code deploy/target/screenshots/<name>.png} (copied to docs/screenshots by hand). */
    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
