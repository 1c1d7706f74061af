package vn.motcua.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.kiosk.KioskApp;
import vn.motcua.kiosk.KioskHardware;
import vn.motcua.kiosk.config.KioskConfig;

/**
 * Time from a {@code serving} message published on the broker to its ticket shown on the hall display page in
 * headless Chromium (a MutationObserver stamps the change with the wall clock). Args: [calls].
 */
public final class HallDisplayLatencyBench {
    private static final String OBSERVER = "window.seen = {}; new MutationObserver(function () {"
            + " var t = document.getElementById('now-ticket').textContent; if (!(t in window.seen)) { window.seen[t] = Date.now(); }"
            + "}).observe(document.getElementById('now-ticket'), {childList: true, characterData: true, subtree: true});";

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path dir = TestDirs.create("hall-bench-");
        try (MoquetteBroker broker = new MoquetteBroker().start();
             MqttRecorder district = new MqttRecorder(broker.uri(), "none/#", false)) {
            ObjectNode id = TestIdentities.sim("ks-bench-hall", "kiosk", broker.uri());
            ((ObjectNode) id.get("hardware")).putObject("screen").put("httpPort", 0);
            DeviceIdentity<KioskHardware> device = IdentityLoader.load(TestIdentities.write(dir, id), DeviceKind.KIOSK,
                    KioskHardware.MODEL);
            KioskApp app = new KioskApp(device.hardware());
            DeviceRuntime<KioskConfig> kiosk = new DeviceRuntime<>(device, dir.resolve("state"), app, Clock.systemUTC());
            kiosk.start();
            kiosk.configs().put(Json.write(Json.object().put("version", 1).put("mode", "hall-display")), null);
            ChromeDriver chrome = chrome();
            try {
                while (!kiosk.uplink().connected()) {
                    Thread.sleep(50);
                }
                chrome.get("http://127.0.0.1:" + app.screenPort() + "/");
                new WebDriverWait(chrome, Duration.ofSeconds(20)).until(d ->
                        Boolean.TRUE.equals(chrome.executeScript("return window.kioskReady === true")));
                chrome.executeScript(OBSERVER);
                long[] samples = new long[calls];
                for (int i = 0; i < calls; i++) {
                    String ticket = String.format("B%03d", i + 1);
                    long sent = System.currentTimeMillis();
                    district.publish(device.identity().officeTopic() + "/serving/" + (1 + i % 6), "{\"counter\":" + (1 + i % 6)
                            + ",\"ticket\":\"" + ticket + "\",\"ts\":\"" + OffsetDateTime.now() + "\"}", true);
                    new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> chrome.executeScript(
                            "return window.seen['" + ticket + "'] || null") != null);
                    long shown = ((Number) chrome.executeScript("return window.seen['" + ticket + "']")).longValue();
                    samples[i] = (shown - sent) * 1_000_000L;
                    Thread.sleep(200);
                }
                Stats stats = new Stats(samples);
                System.out.println("hall_display_calls=" + calls + " serving_to_page_p50_ms=" + Stats.fmt(stats.percentileMillis(50))
                        + " p99_ms=" + Stats.fmt(stats.percentileMillis(99)) + " max_ms=" + Stats.fmt(stats.percentileMillis(100)));
            } finally {
                chrome.quit();
                kiosk.stop();
            }
        }
        System.exit(0);
    }

    private static ChromeDriver chrome() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1920,1080", "--user-data-dir=" + TestDirs.create("chromium-"));
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }
}
