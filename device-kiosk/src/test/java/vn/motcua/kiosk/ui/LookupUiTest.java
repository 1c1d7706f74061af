package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.kiosk.testing.KioskDevice;
import vn.motcua.kiosk.testing.ScriptedDistrict.Answer;
import vn.motcua.kiosk.testing.ScriptedDistrict;

@Tag("slow")
class LookupUiTest {
    private static final String DOSSIER = "000.30.25.H29-261118-0008";
    private static MoquetteBroker broker;
    private static KioskDevice kiosk;
    private static ScriptedDistrict district;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        RealPeers.require("chromium and chromedriver", Browser.available());
        broker = new MoquetteBroker().start();
        kiosk = KioskDevice.start("ks-ui-01", broker.uri());
        kiosk.putConfig(Json.object().put("version", 1).put("officeName", "UBND phường Định Công").put("idleSeconds", 10));
        district = new ScriptedDistrict(broker.uri(), KioskDevice.OFFICE_TOPIC).answer(DOSSIER,
                new Answer(true, "processing", "Hồ sơ đang được giải quyết, dự kiến trả kết quả ngày 02/12/2026"));
        browser = new Browser(1280, 800);
        await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.runtime().uplink().connected());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (district != null) {
            district.close();
            kiosk.close();
            broker.close();
        }
    }

    @BeforeEach
    void home() {
        browser.open(kiosk.baseUrl() + "/");
    }

    private static void typeOnScreen(String text) {
        for (char c : text.toCharArray()) {
            String id = c == ' ' ? "key-space" : "key-" + Character.toUpperCase(c);
            browser.driver().findElement(By.id(id)).click();
        }
    }

    private static List<WebElement> awaitResults(String query) {
        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#results[data-query='" + query + "'] .result-button")));
        return browser.driver().findElements(By.cssSelector("#results .result-button"));
    }

    private static List<String> shownTitles(String query) {
        return awaitResults(query).stream().map(e -> e.findElement(By.className("result-title")).getText()).toList();
    }

    @Test
    void finds_civil_status_procedures_typed_on_the_on_screen_keyboard_as_with_diacritics() throws Exception {
        typeOnScreen("ho tich");

        List<String> titles = shownTitles("ho tich");
        assertThat(browser.driver().findElement(By.id("search")).getAttribute("value")).isEqualTo("ho tich");
        assertThat(awaitResults("ho tich").get(0).findElement(By.className("result-field")).getText()).isEqualTo("Hộ tịch");
        var withDiacritics = kiosk.getJson("/api/procedures?limit=20&q=H%E1%BB%98%20T%E1%BB%8ACH").path("results");
        assertThat(titles.get(0)).isEqualTo(withDiacritics.get(0).path("title").asText());
        assertThat(titles).hasSize(withDiacritics.size());
        browser.screenshot("lookup-search");
    }

    @Test
    void opens_a_procedure_page_with_documents_duration_and_fee_then_returns_home_when_idle() throws Exception {
        typeOnScreen("khai sinh");
        awaitResults("khai sinh").get(0).click();

        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("procedure-title")));
        assertThat(browser.driver().findElement(By.id("procedure-title")).getText()).contains("khai sinh");
        assertThat(browser.driver().findElements(By.cssSelector("#procedure-documents li"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.id("procedure-duration")).getText()).isNotBlank();
        assertThat(browser.driver().findElement(By.id("procedure-fee")).getText()).isNotBlank();
        browser.screenshot("lookup-procedure");

        browser.waitUpTo(Duration.ofSeconds(14)).until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
        assertThat(browser.driver().findElement(By.id("procedure")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("search")).getAttribute("value")).isEmpty();
    }

    @Test
    void browses_procedures_by_field() {
        browser.driver().findElement(By.id("browse")).click();
        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-button")));
        browser.screenshot("lookup-fields");
        browser.driver().findElements(By.cssSelector(".field-button")).get(0).click();

        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#field-procedures .result-button")));
        assertThat(browser.driver().findElement(By.id("fields-title")).getText()).isEqualTo("Hộ tịch");
    }

    @Test
    void shows_the_dossier_status_for_a_keyboard_wedge_scan() {
        new Actions(browser.driver()).sendKeys(DOSSIER + "\n").perform();

        browser.waitUpTo(Duration.ofSeconds(8)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("dossier-result"), "đang được giải quyết"));
        assertThat(browser.driver().findElement(By.id("dossier-code")).getText()).contains(DOSSIER);
        browser.screenshot("lookup-dossier");
    }

    @Test
    void switches_to_english_and_back_to_vietnamese() {
        browser.driver().findElement(By.id("lang-en")).click();
        assertThat(browser.driver().findElement(By.cssSelector("#home .title")).getText()).isEqualTo("Administrative procedures");
        typeOnScreen("ket hon");
        awaitResults("ket hon");
        browser.screenshot("lookup-english");

        browser.driver().findElement(By.id("lang-vi")).click();
        assertThat(browser.driver().findElement(By.cssSelector("#home .title")).getText()).isEqualTo("Tra cứu thủ tục hành chính");
    }
}
