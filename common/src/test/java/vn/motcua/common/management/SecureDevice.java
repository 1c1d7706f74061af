package vn.motcua.common.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import vn.motcua.common.testing.CommonOnlyConfig;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.InProcessDevice;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TickingDevice;

/** A device in this JVM whose management port is coaps on loopback with a PSK. */
final class SecureDevice implements AutoCloseable {
    static final String ID = "tp-01";
    static final String KEY = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi";

    final Path dir = TestDirs.create("dtls-");
    final int port = FreePorts.udp();
    final InProcessDevice<CommonOnlyConfig> device;

    SecureDevice() throws Exception {
        this(null);
    }

    /** A device whose update files (key, update.json) are under {@code updateRoot} (null: the default, /). */
    SecureDevice(Path updateRoot) throws Exception {
        Path psk = dir.resolve("psk");
        Files.writeString(psk, KEY + "\n");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
        ObjectNode id = TestIdentities.sim(ID, "ticket-printer", "tcp://127.0.0.1:1");
        ((ObjectNode) id.get("coap")).put("port", port).put("bind", "127.0.0.1").put("secure", true)
                .put("pskIdentity", ID).put("pskFile", psk.toString());
        device = new InProcessDevice<>(dir, id, new TickingDevice(0)).updateRoot(updateRoot).start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    String uri(String path) {
        return "coaps://127.0.0.1:" + port + path;
    }

    DtlsClients clients() {
        return new DtlsClients(address(), ID, KEY);
    }

    @Override
    public void close() {
        device.close();
    }
}
