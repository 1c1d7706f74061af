package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.junit.jupiter.api.Test;

class InboundLimitTest {
    private static final int LIMIT = 64 * 1024;
    private static final String TOPIC = "motcua/v1/hoang-mai/dinh-cong/serving/5";
    private static final byte[] PINGRESP = {(byte) 0xD0, 0};
    private static final byte[] CONNACK = {0x20, 2, 0, 0};

    @Test
    void packets_within_the_limit_pass_unchanged() throws Exception {
        byte[] stream = concat(CONNACK, publish(0x32, TOPIC, 7, "{\"ticket\":\"A012\"}".getBytes(StandardCharsets.UTF_8)),
                PINGRESP, publish(0x30, TOPIC, -1, new byte[LIMIT - TOPIC.length() - 2]));
        assertThat(readAll(new InboundLimit(new ByteArrayInputStream(stream), LIMIT, 0), 1000)).isEqualTo(stream);
    }

    @Test
    void an_oversized_publish_comes_out_empty_with_its_flags_topic_and_packet_id_and_the_next_packet_follows() throws Exception {
        byte[] big = publish(0x33, TOPIC, 4711, new byte[3 * LIMIT]);
        byte[] out = readAll(new InboundLimit(new ByteArrayInputStream(concat(big, PINGRESP)), LIMIT, 0), 1000);

        byte[] expectedSmall = publish(0x33, TOPIC, 4711, new byte[0]);
        assertThat(Arrays.copyOfRange(out, 0, expectedSmall.length)).isEqualTo(expectedSmall);
        assertThat(Arrays.copyOfRange(out, expectedSmall.length, out.length)).isEqualTo(PINGRESP);
        MqttPublish parsed = (MqttPublish) MqttWireMessage.createWireMessage(expectedSmall);
        assertThat(parsed.getTopicName()).isEqualTo(TOPIC);
        assertThat(parsed.getMessageId()).isEqualTo(4711);
        assertThat(parsed.getMessage().isRetained()).isTrue();
        assertThat(parsed.getMessage().getQos()).isEqualTo(1);
        assertThat(parsed.getMessage().getPayload()).isEmpty();
    }

    @Test
    void skipping_100_mb_allocates_only_a_small_buffer() throws Exception {
        long body = 100L * 1024 * 1024;
        byte[] head = publishHead(0x31, TOPIC, body);
        InputStream source = new SequenceInputStream(new ByteArrayInputStream(head), new Zeros(body));
        byte[] buffer = new byte[4096];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);

        InboundLimit limited = new InboundLimit(source, LIMIT, 0);
        long total = 0;
        for (int n; (n = limited.read(buffer, 0, buffer.length)) >= 0; ) {
            total += n;
        }

        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(total).as("the small PUBLISH that came out").isEqualTo(2 + 2 + TOPIC.length());
        assertThat(allocated).as("bytes allocated while skipping 100 MB").isLessThan(256 * 1024);
    }

    @Test
    void while_skipping_the_small_packet_comes_out_a_byte_at_a_time_so_paho_sees_bytes_arriving() throws Exception {
        byte[] big = publish(0x30, TOPIC, -1, new byte[20 * LIMIT]);
        Counting source = new Counting(new ByteArrayInputStream(big));
        InboundLimit limited = new InboundLimit(source, LIMIT, 0);
        byte[] buffer = new byte[1000];

        assertThat(limited.read(buffer, 0, buffer.length)).as("the fixed header at once").isEqualTo(2);
        assertThat(limited.read(buffer, 0, buffer.length)).isEqualTo(1);
        assertThat(source.read).as("before the body is skipped").isLessThan(big.length);
    }

    @Test
    void any_other_packet_over_the_limit_ends_the_connection() {
        byte[] hugeSuback = concat(new byte[] {(byte) 0x90}, remainingLength(LIMIT + 1));
        InboundLimit limited = new InboundLimit(new ByteArrayInputStream(hugeSuback), LIMIT, 0);
        assertThatThrownBy(() -> limited.read(new byte[10], 0, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("over the inbound limit");
    }

    @Test
    void a_read_timeout_at_any_byte_loses_nothing() throws Exception {
        byte[] stream = concat(CONNACK, publish(0x32, TOPIC, 9, new byte[2 * LIMIT]), publish(0x30, TOPIC, -1, new byte[5]),
                PINGRESP);
        InboundLimit limited = new InboundLimit(new TimingOut(new ByteArrayInputStream(stream)), LIMIT, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[7];
        while (true) {
            try {
                int n = limited.read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // Paho reads again after its socket timeout
            }
        }
        assertThat(out.toByteArray()).isEqualTo(concat(CONNACK, publish(0x32, TOPIC, 9, new byte[0]),
                publish(0x30, TOPIC, -1, new byte[5]), PINGRESP));
    }

    static byte[] publish(int first, String topic, int packetId, byte[] payload) {
        byte[] head = publishHead(first, topic, (packetId >= 0 ? 2 : 0) + payload.length);
        return concat(head, packetId >= 0 ? new byte[] {(byte) (packetId >> 8), (byte) packetId} : new byte[0], payload);
    }

    /** Fixed header, topic length and topic of a PUBLISH whose body after the topic is {@code rest} bytes. */
    static byte[] publishHead(int first, String topic, long rest) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) first}, remainingLength(2 + t.length + rest),
                new byte[] {(byte) (t.length >> 8), (byte) t.length}, t);
    }

    static byte[] remainingLength(long length) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        do {
            int digit = (int) (length % 128);
            length /= 128;
            b.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** {@code length} zero bytes, made without allocating. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long length) {
            left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    private static final class Counting extends java.io.FilterInputStream {
        long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            read += c < 0 ? 0 : 1;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }

    /** Throws a socket timeout before every other read, as a socket with SO_TIMEOUT does when the broker pauses. */
    private static final class TimingOut extends java.io.FilterInputStream {
        private boolean timeOut;

        TimingOut(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            tick();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            tick();
            return super.read(b, off, Math.min(len, 3));
        }

        private void tick() throws SocketTimeoutException {
            timeOut = !timeOut;
            if (timeOut) {
                throw new SocketTimeoutException("read timed out");
            }
        }
    }
}
