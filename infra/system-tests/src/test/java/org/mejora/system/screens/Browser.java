package org.mejora.system.screens;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}; nothing is downloaded) driven by
 * Selenium, one per test: its own cookies, so one browser is one signed-in person. {@link #screenshot} keeps PNGs
 * in {@code target/screenshots} (and in {@code MEJORA_SCREENSHOTS_DIR} when set, e.g. the README's screens);
 * {@link #assertAccessible} runs axe-core on the page.
 */
public final class Browser implements AutoCloseable {

    /** The impacts a page may not have; moderate and minor findings are reported, not failed. */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    private Browser(String baseUrl, int width, int height) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("MEJORA_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=es", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary("MEJORA_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A desktop browser (1280 × 900). */
    public static Browser desktop(String baseUrl) {
        return new Browser(baseUrl, 1280, 900);
    }

    /** A phone-sized browser (360 pixels wide). */
    public static Browser phone(String baseUrl) {
        return new Browser(baseUrl, 360, 780);
    }

    /** Signs in at the identity server as this user (password "demo") and lands on "mi trabajo". */
    public Browser signIn(String username) {
        open("/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form.manual button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top .who")));
        return this;
    }

    public Browser open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Clears the field and types the text. */
    public Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits until the page (or an htmx swap) shows this text somewhere in the body. */
    public Browser awaitText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves the visible page as {@code <name>.png}. */
    public Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getenv("MEJORA_SCREENSHOTS_DIR");
            if (docs != null && !docs.isBlank()) {
                Path copy = Path.of(docs, name + ".png");
                Files.createDirectories(copy.getParent());
                Files.copy(png.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core on the current page: no serious or critical violation (WCAG 2.1 A and AA rules). */
    public Browser assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(blocking).as("axe on %s", driver.getCurrentUrl()).isEmpty();
        return this;
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
    }

    private static String binary(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : configured;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
