package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import org.eclipse.paho.client.mqttv3.internal.TCPNetworkModule;
import org.junit.jupiter.api.Test;

/** The device's reads of the broker's bytes leave the socket in quick-ack mode, through Paho's own TCP module. */
class QuickAcksTest {
    @Test
    void reading_through_pahos_tcp_module_leaves_quick_acks_on_and_passes_the_bytes_unchanged() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket[] made = new Socket[1];
            SocketFactory factory = mock(SocketFactory.class);
            when(factory.createSocket()).thenAnswer(invocation -> made[0] = new Socket());
            TCPNetworkModule module = new TCPNetworkModule(factory, "127.0.0.1", server.getLocalPort(), "quick-ack-test");
            module.start();
            try (Socket broker = server.accept()) {
                InputStream in = QuickAcks.over(module.getInputStream(), module);
                assertThat(in).isInstanceOf(QuickAcks.class);
                made[0].setOption(ExtendedSocketOptions.TCP_QUICKACK, false);

                OutputStream out = broker.getOutputStream();
                out.write("PUBACK".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] got = in.readNBytes(6);

                assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("PUBACK");
                assertThat(made[0].getOption(ExtendedSocketOptions.TCP_QUICKACK)).isTrue();

                made[0].setOption(ExtendedSocketOptions.TCP_QUICKACK, false);
                out.write(0x40);
                out.flush();
                assertThat(in.read()).isEqualTo(0x40);
                assertThat(made[0].getOption(ExtendedSocketOptions.TCP_QUICKACK)).isTrue();

                broker.close();
                assertThat(in.read()).isEqualTo(-1);
            } finally {
                module.stop();
            }
        }
    }

    @Test
    void a_module_without_a_tcp_socket_gets_its_stream_back_as_it_is() {
        InputStream stream = new ByteArrayInputStream(new byte[] {1, 2, 3});

        assertThat(QuickAcks.over(stream, mock(NetworkModule.class))).isSameAs(stream);
    }
}
