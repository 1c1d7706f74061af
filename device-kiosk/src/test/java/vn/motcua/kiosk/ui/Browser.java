package vn.motcua.kiosk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
