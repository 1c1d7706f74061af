package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.kiosk.testing.KioskDevice;
import vn.motcua.kiosk.testing.ScriptedDistrict.Answer;
import vn.motcua.kiosk.testing.ScriptedDistrict;

/**
 * The kiosk's screens as a citizen meets them, checked by axe-core (no serious or critical violation), by the size of
 * every touch target, by the colour of a dossier's status and by the size of the hall display's numbers.
 */
@Tag("slow")
class AccessibilityUiTest {
    private static final String READY = "000.30.25.H29-261120-0022";
    private static final String MISSING_PAPERS = "000.30.25.H29-261119-0015";
    private static final String REJECTED = "000.30.25.H29-261123-0017";
    private static final String PROCESSING = "000.30.25.H29-261118-0008";
    private static MoquetteBroker broker;
    private static KioskDevice lookup;
    private static KioskDevice hall;
    private static ScriptedDistrict district;

    @BeforeAll
    static void start() throws Exception {
        RealPeers.require("chromium and chromedriver", Browser.available());
        broker = new MoquetteBroker().start();
        lookup = KioskDevice.start("ks-a11y-01", broker.uri());
        lookup.putConfig(Json.object().put("version", 1).put("officeName", "UBND phường Định Công"));
        hall = KioskDevice.start("ks-a11y-02", broker.uri());
        hall.putConfig(Json.object().put("version", 1).put("mode", "hall-display").put("officeName", "UBND phường Định Công")
                .put("notice", "Giờ làm việc: sáng 7h30 - 11h30, chiều 13h30 - 17h00"));
        district = new ScriptedDistrict(broker.uri(), KioskDevice.OFFICE_TOPIC)
                .answer(READY, new Answer(true, "ready", "Đã có kết quả, mời ông/bà đến nhận tại quầy số 4"))
                .answer(MISSING_PAPERS, new Answer(true, "additional-documents",
                        "Hồ sơ cần bổ sung giấy tờ, mời ông/bà liên hệ quầy số 3 để được hướng dẫn"))
                .answer(REJECTED, new Answer(true, "rejected", "Hồ sơ không đủ điều kiện giải quyết"))
                .answer(PROCESSING, new Answer(true, "processing", "Hồ sơ đang được giải quyết"));
        await().atMost(Duration.ofSeconds(20)).until(() -> lookup.runtime().uplink().connected() && hall.runtime().uplink().connected());
    }

    @AfterAll
    static void stop() throws Exception {
        if (district != null) {
            district.close();
        }
        if (hall != null) {
            hall.close();
        }
        if (lookup != null) {
            lookup.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static void assertAccessible(Browser browser, String screen) {
        assertThat(browser.seriousViolations()).as("axe on the %s", screen).isEmpty();
        assertThat(browser.smallTargets(48)).as("touch targets under 48 px on the %s", screen).isEmpty();
    }

    @Test
    void the_lookup_screens_pass_axe_and_every_touch_target_is_at_least_48_px() {
        try (Browser browser = new Browser(1280, 800)) {
            browser.open(lookup.baseUrl() + "/");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
            assertAccessible(browser, "home screen");

            for (String key : "khaisinh".split("")) {
                browser.driver().findElement(By.id("key-" + key.toUpperCase())).click();
            }
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .result-button")));
            assertAccessible(browser, "search results");

            browser.driver().findElement(By.cssSelector("#results .result-button")).click();
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("procedure-title")));
            assertAccessible(browser, "procedure page");
            browser.screenshot("a11y-lookup-procedure");

            browser.driver().findElement(By.cssSelector("#procedure .back")).click();
            browser.driver().findElement(By.id("browse")).click();
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-button")));
            assertAccessible(browser, "fields screen");

            browser.driver().findElement(By.id("lang-en")).click();
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertAccessible(browser, "fields screen in English");
        }
    }

    private static String scan(Browser browser, String code, String text) {
        browser.open(lookup.baseUrl() + "/");
        new Actions(browser.driver()).sendKeys(code + "\n").perform();
        browser.waitUpTo(Duration.ofSeconds(8)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-result"), text));
        assertAccessible(browser, "dossier status " + code);
        return browser.driver().findElement(By.id("dossier-result")).getCssValue("background-color");
    }

    @Test
    void a_dossiers_status_is_coloured_by_what_it_means() {
        try (Browser browser = new Browser(1280, 800)) {
            String ready = scan(browser, READY, "Đã có kết quả");
            browser.screenshot("a11y-dossier-ready");
            String missing = scan(browser, MISSING_PAPERS, "cần bổ sung");
            browser.screenshot("a11y-dossier-additional-documents");
            String rejected = scan(browser, REJECTED, "không đủ điều kiện");
            browser.screenshot("a11y-dossier-rejected");
            String processing = scan(browser, PROCESSING, "đang được giải quyết");

            assertThat(ready).as("ready: green").isEqualTo("rgba(227, 244, 232, 1)");
            assertThat(missing).as("needs documents: amber").isEqualTo("rgba(255, 244, 214, 1)");
            assertThat(rejected).as("rejected: red").isEqualTo("rgba(253, 236, 234, 1)");
            assertThat(processing).as("in progress: neither green, amber nor red").isEqualTo("rgba(230, 238, 249, 1)");
        }
    }

    @Test
    void the_hall_display_passes_axe_and_its_numbers_are_a_tenth_of_the_screen_high() throws Exception {
        try (Browser browser = new Browser(1920, 1080)) {
            browser.open(hall.baseUrl() + "/");
            for (int counter = 1; counter <= 4; counter++) {
                district.publish(KioskDevice.OFFICE_TOPIC + "/serving/" + counter, "{\"counter\":" + counter
                        + ",\"ticket\":\"A01" + counter + "\",\"ts\":\"" + OffsetDateTime.now() + "\"}", true);
            }
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#board tr"), 4));
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                    "return document.getAnimations().length === 0")));
            assertThat(browser.seriousViolations()).as("axe on the hall display").isEmpty();

            // a new call flashes: held half-way through a flash, everything on it is still readable
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/5", "{\"counter\":5,\"ticket\":\"B021\",\"ts\":\""
                    + OffsetDateTime.now() + "\"}", true);
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                    "return document.getAnimations().length > 0")));
            browser.driver().executeScript("document.getAnimations().forEach((a) => { a.pause(); a.currentTime = 750; })");
            browser.screenshot("a11y-hall-display-flash");
            assertThat(browser.seriousViolations()).as("axe on the hall display while a call flashes").isEmpty();
            browser.driver().executeScript("document.getAnimations().forEach((a) => a.finish())");

            long height = (Long) browser.driver().executeScript("return window.innerHeight");
            assertThat(height).isEqualTo(1080);
            double now = px(browser.driver().findElement(By.id("now-ticket")).getCssValue("font-size"));
            double row = px(browser.driver().findElement(By.cssSelector("#board td.ticket")).getCssValue("font-size"));
            assertThat(now).as("the number being called").isGreaterThanOrEqualTo(0.10 * height);
            assertThat(row).as("the numbers on the board").isGreaterThanOrEqualTo(0.10 * height);
            Number lastRow = (Number) browser.driver().executeScript("const rows = document.querySelectorAll('#board tr');"
                    + " return rows[rows.length - 1].getBoundingClientRect().bottom"
                    + " - document.querySelector('.board-wrap').getBoundingClientRect().bottom");
            assertThat(lastRow.doubleValue()).as("five counters' rows fit on the board").isLessThanOrEqualTo(0);
            browser.screenshot("a11y-hall-display");
        }
    }

    private static double px(String css) {
        assertThat(css).endsWith("px");
        return Double.parseDouble(css.substring(0, css.length() - 2));
    }
}
