package vn.motcua.kiosk.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceThreads;
import vn.motcua.kiosk.config.KioskMode;
import vn.motcua.kiosk.procedures.FieldCount;
import vn.motcua.kiosk.procedures.Procedure;
import vn.motcua.kiosk.procedures.SearchResult;

class ScreenServerTest {
    private final EventStream events = new EventStream(DeviceThreads.named("screen-events"));
    private final ScreenServer server = new ScreenServer(0, new KioskScreen() {
        @Override
        public KioskMode mode() {
            return KioskMode.HALL_DISPLAY;
        }

        @Override
        public List<SearchResult> search(String query, int limit) {
            return List.of();
        }

        @Override
        public List<FieldCount> fields() {
            return List.of();
        }

        @Override
        public List<Procedure> inField(String field) {
            return List.of();
        }

        @Override
        public Optional<Procedure> open(String id) {
            return Optional.empty();
        }

        @Override
        public ObjectNode state() {
            return Json.object();
        }

        @Override
        public void wedgeScan(String text) {
        }
    }, events, DeviceThreads.named("screen-http"));

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpURLConnection stream() throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/api/stream").openConnection();
        c.setReadTimeout(5000);
        return c;
    }

    private static String read(InputStream in, String until) throws Exception {
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains(until)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        return new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Test
    void streams_events_and_keep_alive_comments_to_a_connected_screen() throws Exception {
        server.start();
        HttpURLConnection c = stream();
        InputStream in = c.getInputStream();
        assertThat(c.getContentType()).startsWith("text/event-stream");
        read(in, ": connected\n\n");

        events.publish("serving", Json.object().put("counter", 5).put("ticket", "A012"));
        server.keepAlive();

        assertThat(read(in, ": keep-alive\n\n"))
                .isEqualTo("event: serving\ndata: {\"counter\":5,\"ticket\":\"A012\"}\n\n: keep-alive\n\n");
        c.disconnect();
    }

    @Test
    void drops_a_screen_that_went_away() throws Exception {
        server.start();
        HttpURLConnection c = stream();
        read(c.getInputStream(), ": connected\n\n");
        assertThat(server.clients()).isEqualTo(1);

        c.disconnect();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            server.keepAlive();
            assertThat(server.clients()).isZero();
        });
    }

    @Test
    void serves_the_hall_page_in_hall_display_mode() throws Exception {
        server.start();
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/").openConnection();

        assertThat(new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("/static/hall.js");
        assertThat(c.getHeaderField("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void refuses_to_start_on_a_port_in_use() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ScreenServer second = new ScreenServer(taken.getLocalPort(), null,
                    new EventStream(DeviceThreads.named("screen-events")), DeviceThreads.named("screen-http"));
            assertThatThrownBy(second::start).isInstanceOf(IOException.class);
            assertThat(second.running()).isFalse();
        }
    }
}
