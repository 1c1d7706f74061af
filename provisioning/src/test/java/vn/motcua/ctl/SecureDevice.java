package vn.motcua.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.InProcessDevice;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.TicketPrinterApp;
import vn.motcua.ticket.TicketPrinterHardware;
import vn.motcua.ticket.config.TicketConfig;

/** A ticket printer in the sim profile, in this JVM, reachable over coaps on loopback with a PSK file of mode 0600. */
final class SecureDevice implements AutoCloseable {
    static final String DEVICE_ID = "tp-dinh-cong-01";
    static final String KEY = "q0Zp5w3nS-8yVd7b1Kf2_HcXtLmRa9Ue";

    final Path dir = TestDirs.create("ctl-");
    final int port = FreePorts.udp();
    final Path pskFile = dir.resolve("psk");
    final InProcessDevice<TicketConfig> device;

    SecureDevice(String brokerUri) throws Exception {
        this(brokerUri, null);
    }

    /** A device whose update files (update key, update.json) are under {@code updateRoot} (null: /). */
    SecureDevice(String brokerUri, Path updateRoot) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(pskFile, KEY + "\n");
        Files.setPosixFilePermissions(pskFile, PosixFilePermissions.fromString("rw-------"));
        ObjectNode id = TestIdentities.sim(DEVICE_ID, "ticket-printer", brokerUri);
        ((ObjectNode) id.get("coap")).put("port", port).put("bind", "127.0.0.1").put("secure", true)
                .put("pskIdentity", DEVICE_ID).put("pskFile", pskFile.toString());
        device = new InProcessDevice<>(dir, id, TicketPrinterHardware.MODEL, TicketPrinterApp::new).updateRoot(updateRoot).start();
    }

    String uri() {
        return "coaps://127.0.0.1:" + port;
    }

    Path identityFile() {
        return dir.resolve("device.json");
    }

    /** {@code args} followed by the options that reach this device with its key. */
    String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--device", uri(), "--psk-identity", DEVICE_ID, "--psk-file", pskFile.toString()));
        return all.toArray(String[]::new);
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Override
    public void close() {
        device.close();
    }
}
