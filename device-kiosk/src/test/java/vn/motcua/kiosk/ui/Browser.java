package vn.motcua.kiosk.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.AxeScript;
import vn.motcua.common.testing.TestDirs;

/** Headless Chromium through the system's chromedriver; nothing is downloaded and nothing leaves the machine. */
final class Browser implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final ChromeDriver driver;

    Browser(int width, int height) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--lang=vi", "--window-size=" + width + "," + height,
                "--user-data-dir=" + TestDirs.create("chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        long innerHeight = (Long) driver.executeScript("return window.innerHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, (int) (2L * height - innerHeight)));
    }

    static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Saves a screenshot into the module's target/ directory and returns its path. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core over the page as it is now; the violations of serious or critical impact, one line each. */
    List<String> seriousViolations() {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeScript(AxeScript.SOURCE);
        String json = (String) driver.executeAsyncScript(AxeScript.RUN);
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode v : Json.parse(json)) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + v.path("nodes"));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("axe answered something that is not JSON: " + json, e);
        }
        return serious;
    }

    /** Each visible control (button, input, link) narrower or lower than {@code min} CSS pixels, as "id w×h". */
    @SuppressWarnings("unchecked")
    List<String> smallTargets(int min) {
        return (List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('button, input, a[href], select'))
                  .filter((e) => e.offsetParent !== null && e.getClientRects().length > 0)
                  .map((e) => [e, e.getBoundingClientRect()])
                  .filter(([, r]) => r.width < arguments[0] || r.height < arguments[0])
                  .map(([e, r]) => (e.id || e.className || e.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                """, min);
    }

    WebDriver open(String url) {
        driver.get(url);
        waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript("return window.kioskReady === true")));
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
