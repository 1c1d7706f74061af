package vn.motcua.office;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.AxeScript;
import vn.motcua.common.testing.TestDirs;

/** Headless Chromium driven by Selenium through the Debian chromedriver. */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;

    Browser() {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + TestDirs.create("chromium-"), "--window-size=1400,2200", "--hide-scrollbars");
        driver = new ChromeDriver(o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** Saves what the window shows at this width and height into {@code file}. */
    void screenshot(int width, int height, Path file) throws IOException {
        driver.manage().window().setSize(new Dimension(width, height));
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Runs axe-core over the page as it is now; the violations of serious or critical impact, one line each. */
    List<String> seriousViolations() throws Exception {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeScript(AxeScript.SOURCE);
        String json = (String) driver.executeAsyncScript(AxeScript.RUN);
        List<String> serious = new ArrayList<>();
        for (JsonNode v : Json.parse(json)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + v.path("nodes"));
            }
        }
        return serious;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
