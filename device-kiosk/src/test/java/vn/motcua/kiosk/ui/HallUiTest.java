package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.kiosk.testing.KioskDevice;

@Tag("slow")
class HallUiTest {
    private static String serving(int counter, String ticket) {
        return "{\"counter\":" + counter + ",\"ticket\":\"" + ticket + "\",\"ts\":\"" + OffsetDateTime.now() + "\"}";
    }

    @Test
    void follows_a_mode_switch_and_shows_calls_live() throws Exception {
        RealPeers.require("chromium and chromedriver", Browser.available());
        try (MoquetteBroker broker = new MoquetteBroker().start();
             KioskDevice kiosk = KioskDevice.start("ks-hall-ui-01", broker.uri());
             MqttRecorder district = new MqttRecorder(broker.uri(), "none/#", false);
             Browser browser = new Browser(1920, 1080)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.runtime().uplink().connected());
            // a machine whose own time zone was never set: the screen must still show office time
            browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Europe/London"));
            browser.open(kiosk.baseUrl() + "/");
            assertThat(browser.driver().findElements(By.id("keyboard"))).hasSize(1);

            kiosk.putConfig(Json.object().put("version", 1).put("mode", "hall-display")
                    .put("officeName", "UBND phường Định Công").put("notice", "Giờ làm việc: sáng 7h30 - 11h30, chiều 13h30 - 17h00"));
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                    browser.driver().executeScript("return window.kioskReady === true")));

            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/3", serving(3, "A007"), true);
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/5", serving(5, "B012"), true);
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/1", serving(1, "A008"), true);

            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("now-ticket"), "A008"));
            assertThat(browser.driver().findElement(By.id("now-counter")).getText()).contains("1");
            assertThat(browser.driver().findElements(By.cssSelector("#board tr"))).hasSize(3);
            assertThat(browser.driver().findElement(By.id("office")).getText()).isEqualTo("UBND phường Định Công");
            assertThat(browser.driver().findElement(By.id("notice")).getText()).startsWith("Giờ làm việc");

            ZoneId office = ZoneId.of(kiosk.getJson("/api/state").path("timezone").asText());
            assertThat(office).isNotEqualTo(ZoneId.of("Europe/London"));
            browser.waitUpTo(Duration.ofSeconds(5)).until(d -> {
                LocalTime shown = LocalTime.parse(d.findElement(By.id("time")).getText());
                long apart = Math.abs(Duration.between(LocalTime.now(office), shown).toSeconds());
                return Math.min(apart, 86_400 - apart) <= 5;
            });
            assertThat(browser.driver().findElement(By.id("date")).getText())
                    .endsWith(LocalDate.now(office).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            Thread.sleep(3_200);
            browser.screenshot("hall-display");
        }
    }
}
