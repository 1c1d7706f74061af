package vn.motcua.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.office.devices.DeviceSpec;

/**
 * A person uses the panel in a browser: takes a ticket, calls it at a counter, rates, runs out of paper. The office
 * and the browser are shared; each test brings what it needs (its own ticket, its own call) and runs alone or in any
 * order.
 */
@Tag("slow")
class PanelEndToEndTest {
    private static OfficeHarness office;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        RealPeers.require("chromium and chromedriver", Browser.available());
        for (DeviceKind kind : DeviceKind.values()) {
            RealPeers.require("the " + kind + " jar (mvn package)", OfficeHarness.built(kind));
        }
        office = OfficeHarness.start(null, 2);
        office.awaitConfigured();
        browser = new Browser();
        browser.driver.get(office.url());
        waitFor(Duration.ofSeconds(20), () -> text("#link").equals("Trực tiếp"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (office != null) {
            office.close();
        }
    }

    @Test
    void shows_the_office_in_vietnamese_and_switches_to_english() {
        assertThat(text("#printer h2")).contains("Máy phát số thứ tự");
        assertThat(text("#svc-C")).contains("Đất đai – Xây dựng");
        assertThat(text("#counter-2 .act-call")).isEqualTo("Gọi số tiếp");
        click("#lang");
        waitFor(Duration.ofSeconds(5), () -> text("#counter-2 .act-call").equals("Call next"));
        click("#lang");
        waitFor(Duration.ofSeconds(5), () -> text("#counter-2 .act-call").equals("Gọi số tiếp"));
    }

    @Test
    void calling_with_nobody_waiting_tells_the_officer() {
        for (int call = 0; call < 20 && !text("#counter-2 .note").equals("Không còn ai chờ"); call++) {
            String before = text("#counter-2 .serving-ticket");
            click("#counter-2 .act-call");
            waitFor(Duration.ofSeconds(10), () -> text("#counter-2 .note").equals("Không còn ai chờ")
                    || !text("#counter-2 .serving-ticket").equals(before));
        }
        assertThat(text("#counter-2 .note")).isEqualTo("Không còn ai chờ");
        assertThat(text("#counter-2 .serving-ticket")).isEqualTo("Đóng");
    }

    @Test
    void a_service_button_prints_a_ticket_that_joins_the_queue_and_a_counter_calls_it() {
        String ticket = takeATicketAndCallItAtCounter1();
        awaitText(Duration.ofSeconds(10), "#board .call.latest", call -> call.contains(ticket));
        waitFor(Duration.ofSeconds(20), () -> text("#pad-1-display").contains(ticket));
    }

    @Test
    void a_rating_on_the_pad_changes_the_statistics() {
        takeATicketAndCallItAtCounter1();
        click("#rate-1-very-satisfied");
        waitFor(Duration.ofSeconds(20), () -> text("#stats-overall").contains("1 lượt"));
        String counterRow = awaitText(Duration.ofSeconds(10), "#stats-counter-1", row -> row.contains("100%"));
        assertThat(counterRow).contains("Quầy 1");
    }

    @Test
    void the_hall_display_announces_the_call() {
        String ticket = takeATicketAndCallItAtCounter1();
        waitFor(Duration.ofSeconds(20), () -> text("#announcements").contains("Mời số " + ticket + " đến quầy 1"));
    }

    @Test
    void a_scanned_dossier_code_shows_its_status_on_the_lookup_kiosk() {
        String code = office.office.district().dossiers().samples().get(0);
        waitFor(Duration.ofSeconds(30), () -> !browser.driver.findElements(By.cssSelector("#kiosk-frame[src]")).isEmpty());
        browser.driver.findElement(By.id("scan-input")).sendKeys(code);
        click("#scan-form button");
        browser.driver.switchTo().frame("kiosk-frame");
        try {
            waitFor(Duration.ofSeconds(20), () -> text("#dossier-code").contains(code)
                    && browser.driver.findElement(By.id("dossier-result")).getAttribute("class").startsWith("dossier-result found tone-"));
            assertThat(text("#dossier-result")).isNotEmpty();
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    @Test
    void paper_out_makes_the_service_buttons_report_the_fault() {
        new Select(browser.driver.findElement(By.id("paper-state"))).selectByValue("paper-out");
        try {
            waitFor(Duration.ofSeconds(20), () -> text("#svc-B").contains("Hết giấy"));
            waitFor(Duration.ofSeconds(5), () -> browser.driver.findElement(By.id("svc-B")).getAttribute("class").contains("faulted"));
            awaitText(Duration.ofSeconds(5), "#printer-fault", fault -> fault.contains("Hết giấy"));
        } finally {
            new Select(browser.driver.findElement(By.id("paper-state"))).selectByValue("ok");
        }
        waitFor(Duration.ofSeconds(20), () -> !text("#svc-B").contains("Hết giấy"));
    }

    @Test
    void the_panel_fits_a_desktop_and_a_phone() throws Exception {
        Path target = Path.of("target");
        browser.screenshot(1400, 2300, target.resolve("panel-desktop.png"));
        browser.screenshot(390, 3000, target.resolve("panel-phone.png"));
        Object overflow = browser.driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        assertThat(overflow).as("horizontal scrolling on a phone").isEqualTo(false);
        // the LCDs show Vietnamese in their own font: both subsets (latin and Vietnamese letters) are loaded
        waitFor(Duration.ofSeconds(10), () -> Long.valueOf(2).equals(browser.driver.executeScript(
                "return [...document.fonts].filter(f => f.family.includes('Panel LCD') && f.status === 'loaded').length")));
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2200));
    }

    @Test
    void the_panel_speaks_vietnamese_passes_axe_and_gives_each_devices_address_and_a_motcua_ctl_line() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2200));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        String padLeds = awaitText(Duration.ofSeconds(20), "#pad-1-leds", t -> !t.isEmpty());
        assertThat(padLeds).contains("trạng thái", "rất hài lòng").doesNotContain("status", "satisfied");
        String hardware = awaitText(Duration.ofSeconds(20), "#dev-pad-1 td.hw", t -> t.contains(":"));
        assertThat(hardware).contains("nút bấm: tốt").doesNotContain("buttons", "ok");
        assertThat(text("#stats-served-hint")).contains("gọi số tiếp hoặc đóng quầy");
        assertThat(text("#stats-without-ticket h3")).isEqualToIgnoringCase("Đánh giá không kèm số phiếu");

        DeviceSpec pad = office.office.plan().stream().filter(d -> d.deviceId().equals("pad-1")).findFirst().orElseThrow();
        String row = awaitText(Duration.ofSeconds(10), "#dev-pad-1", t -> t.contains("coap://"));
        String release = awaitText(Duration.ofSeconds(10), "#dev-pad-1 td.release", t -> !t.isBlank() && !t.equals("—"));
        assertThat(release).isEqualTo(vn.motcua.common.runtime.Version.get());
        assertThat(row).contains("coap://127.0.0.1:" + pad.coapPort(),
                "provisioning/motcua-ctl health --device coap://127.0.0.1:" + pad.coapPort());

        assertThat(browser.seriousViolations()).as("axe on the panel").isEmpty();
        // the header's buttons stay readable under the pointer (they were white on near-white)
        WebElement lang = browser.driver.findElement(By.id("lang"));
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(lang).perform();
        waitFor(Duration.ofSeconds(5), () -> !lang.getCssValue("background-color").equals("rgba(255, 255, 255, 0.133)"));
        assertThat(contrast(lang.getCssValue("color"), lang.getCssValue("background-color"))).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void on_a_phone_no_column_of_the_devices_table_is_cut_off() throws Exception {
        browser.screenshot(390, 3000, Path.of("target", "panel-phone.png"));
        try {
            Object cut = browser.driver.executeScript("""
                    return Array.from(document.querySelectorAll('#device-table td, #device-table th'))
                      .filter((c) => c.getClientRects().length > 0)
                      .filter((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                                  || c.scrollWidth > c.clientWidth + 1)
                      .map((c) => c.closest('tr').id + ' ' + (c.dataset.label || c.textContent.trim().slice(0, 20)));
                    """);
            assertThat((java.util.List<?>) cut).as("cells past the screen's edge or clipped").isEmpty();
            assertThat(browser.seriousViolations()).as("axe on the panel on a phone").isEmpty();
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2200));
        }
    }

    /** WCAG's contrast ratio of two CSS colours (rgb or rgba; a translucent one is taken over the red header). */
    private static double contrast(String a, String b) {
        double[] x = rgb(a);
        double[] y = rgb(b);
        double l1 = luminance(x);
        double l2 = luminance(y);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    private static double[] rgb(String css) {
        String[] p = css.replaceAll("[^0-9.,]", "").split(",");
        double alpha = p.length > 3 ? Double.parseDouble(p[3]) : 1;
        double[] header = {0xb3, 0x26, 0x1e};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = alpha * Double.parseDouble(p[i]) + (1 - alpha) * header[i];
        }
        return out;
    }

    private static double luminance(double[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = c[i] / 255;
            l[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    /** Takes a service A ticket on the panel and has counter 1 call until it serves that ticket; returns its number. */
    private static String takeATicketAndCallItAtCounter1() {
        java.util.Set<String> waiting = chips();
        click("#svc-A");
        String[] taken = {""};
        waitFor(Duration.ofSeconds(20), () -> {
            java.util.Set<String> now = chips();
            now.removeAll(waiting);
            taken[0] = now.stream().filter(t -> t.matches("A\\d{3}")).findFirst().orElse("");
            return !taken[0].isEmpty();
        });
        String ticket = taken[0];
        waitFor(Duration.ofSeconds(20), () -> !browser.driver.findElements(By.cssSelector("#ticket-img, #ticket-text")).isEmpty());
        for (int call = 0; call < 20 && !text("#counter-1 .serving-ticket").equals(ticket); call++) {
            String before = text("#counter-1 .serving-ticket");
            click("#counter-1 .act-call");
            waitFor(Duration.ofSeconds(10), () -> !text("#counter-1 .serving-ticket").equals(before));
        }
        assertThat(text("#counter-1 .serving-ticket")).isEqualTo(ticket);
        return ticket;
    }

    private static java.util.Set<String> chips() {
        java.util.Set<String> out = new java.util.HashSet<>();
        try {
            for (WebElement chip : browser.driver.findElements(By.cssSelector("#queue .chip"))) {
                out.add(chip.getText().strip());
            }
        } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
            return chips();
        }
        return out;
    }

    /**
     * The visible text of the first element matching {@code css}, or "" when there is none. The panel re-renders its
     * sections (innerHTML) while the test reads them: an element replaced between finding it and reading it is found
     * again, in its new rendering.
     */
    private static String text(String css) {
        org.openqa.selenium.StaleElementReferenceException stale = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                WebElement e = browser.driver.findElement(By.cssSelector(css));
                return e.getText().strip();
            } catch (org.openqa.selenium.NoSuchElementException e) {
                return "";
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                stale = e;
            }
        }
        throw stale;
    }

    private static void click(String css) {
        browser.driver.findElement(By.cssSelector(css)).click();
    }

    /**
     * The panel re-renders its sections every poll, so an element read right after a wait may be a fresh, not yet
     * filled one: read and check in the same step and return what matched.
     */
    private static String awaitText(Duration timeout, String css, java.util.function.Predicate<String> accept) {
        String[] seen = {""};
        waitFor(timeout, () -> {
            seen[0] = text(css);
            return accept.test(seen[0]);
        });
        return seen[0];
    }

    private static void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver, timeout).ignoring(RuntimeException.class).until(d -> condition.getAsBoolean());
    }
}
