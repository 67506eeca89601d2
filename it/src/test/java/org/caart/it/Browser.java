package org.caart.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver (no browser download). Waits for PrimeFaces' ajax queue
 * rather than sleeping, and reports Content-Security-Policy violations from the console.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final CaartServer server;

    Browser(CaartServer server) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver packages: "
                    + "apt-get install chromium chromium-driver (scripts/test does this)");
        }
        this.server = server;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    Browser open(String path) {
        driver.get(server.url(path));
        return this;
    }

    WebElement find(String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id(id)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The element's text, read again if a poll replaced the element meanwhile. */
    String textOf(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(id).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks an ajax control and waits until PrimeFaces' ajax queue is empty. */
    void click(String id) {
        find(id).click();
        settle();
    }

    /**
     * Picks an item of a PrimeFaces selectOneMenu by its label, typing into its filter when it has one, and checks
     * that the menu shows it (a click during the panel's animation can miss; then it tries again).
     */
    void choose(String id, String label) {
        for (int attempt = 1; ; attempt++) {
            find(id).click();
            List<WebElement> filter = driver.findElements(By.id(id + "_filter"));
            if (!filter.isEmpty() && filter.get(0).isDisplayed()) {
                // the panel may still be fading in: type once the field takes keys; without the filter the item
                // is still in the list (the filter only narrows it), so a field that never takes them is no failure
                WebElement field = filter.get(0);
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(5))
                            .ignoring(org.openqa.selenium.InvalidElementStateException.class) // not interactable yet
                            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                            .until(d -> {
                                field.clear();
                                field.sendKeys(label);
                                return true;
                            });
                } catch (org.openqa.selenium.TimeoutException e) {
                    screenshot("choose-filter-" + id.replace(':', '-') + "-" + attempt);
                }
            }
            WebElement item;
            try {
                item = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(
                                By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']")).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null));
            } catch (org.openqa.selenium.TimeoutException e) {
                // under load a click can come before the menu's widget listens: click it again
                screenshot("choose-failed-" + id.replace(':', '-') + "-" + attempt);
                if (attempt == 3) {
                    throw e;
                }
                continue;
            }
            try {
                item.click();
            } catch (org.openqa.selenium.ElementNotInteractableException e) {
                // the panel is still sliding in (or overlaps the header): let the item's own handler take it
                ((JavascriptExecutor) driver).executeScript("arguments[0].click();", item);
            }
            settle();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3))
                        .until(d -> label.equals(d.findElement(By.id(id + "_label")).getText()));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Signs in through the login page. */
    void login(String email, String password) {
        open("/login.xhtml");
        type("login:email", email);
        type("login:password", password);
        submit("login:submit");
    }

    /** Clicks a control that submits the whole page and waits for the next page to load. */
    void submit(String id) {
        WebElement control = find(id);
        control.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(control));
        settle();
    }

    /** The element no longer belongs to the shown page (Chromium says so in more than one way). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    /** Clicks an ajax control that redirects, and waits for the next page. */
    void submitAjax(String id) {
        String before = driver.getCurrentUrl();
        find(id).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().equals(before));
        settle();
    }

    /** Clicks an ajax control whose answer loads the page again (possibly at the same URL), and waits for it. */
    void clickAndAwaitReload(String id) {
        WebElement before = driver.findElement(By.tagName("body"));
        find(id).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(before));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.JavascriptException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax || "
                                + "PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /** Waits (through the page's poll) until the element shows the text. */
    void waitForText(String id, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> textOf(id).equals(text));
    }

    void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete' && (!window.PrimeFaces || "
                        + "!PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.substring(server.url("").length());
    }

    /** Saves what the browser shows as it/target/screenshots/NAME.png, for a person to look at. */
    Path screenshot(String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A screenshot with the element scrolled to the top of the window. */
    Path screenshot(String name, String id) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", find(id));
        return screenshot(name);
    }

    /** Lets the browser save downloads into the folder (Chromium's DevTools download behaviour). */
    void downloadInto(Path folder) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", folder.toAbsolutePath().toString()));
    }

    WebDriver driver() {
        return driver;
    }

    /** Console messages about Content-Security-Policy since the last call. */
    List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Sets the window's width (the height stays 900 px); pages opened afterwards lay out for it. */
    void width(int pixels) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(pixels, 900));
    }

    /**
     * Runs axe-core (the test dependency's script, put into the page through the driver, which the page's
     * Content-Security-Policy does not govern) on the page shown and returns its serious and critical violations,
     * one line each: rule, impact, help and the elements found.
     */
    List<String> axe() {
        settle();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Axe.SCRIPT);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(function (r) { done(JSON.stringify(r.violations)); })
                  .catch(function (e) { done('axe failed: ' + e); });""");
        String json = String.valueOf(answer);
        if (!json.startsWith("[")) {
            throw new IllegalStateException(json);
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readArray().stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(v -> List.of("serious", "critical").contains(v.getString("impact", "")))
                .map(v -> v.getString("id") + " (" + v.getString("impact") + "): " + v.getString("help") + " at "
                        + v.getJsonArray("nodes").stream().map(n -> n.asJsonObject().getJsonArray("target")
                                .toString()).limit(5).toList())
                .toList();
    }

    /** axe-core's script, as Deque's Selenium package (a test dependency) bundles it. */
    private static final class Axe {

        static final String SCRIPT = load();

        private static String load() {
            try (var script = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (script == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path "
                            + "(com.deque.html.axe-core:selenium)");
                }
                return new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
