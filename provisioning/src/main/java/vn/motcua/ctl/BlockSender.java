package vn.motcua.ctl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * PUTs a file block by block (RFC 7959 Block1, 1024-byte blocks, Size1 on the first), one block in memory at a time,
 * reporting the bytes the device has acknowledged. The connection must not reassemble blocks itself
 * ({@code CoapSettings.forBlockSender()}), so each 2.31 Continue comes back here. A device that asks for smaller
 * blocks (a smaller SZX in its answer) gets them from then on.
 */
final class BlockSender {
    /** Hears how many bytes the device has taken so far, of how many. */
    @FunctionalInterface
    interface Progress {
        void acknowledged(long bytes, long total);
    }

    static final int LARGEST_SZX = BlockOption.size2Szx(1024);

    private BlockSender() {
    }

    /** Sends {@code file} to {@code path}; returns the device's final answer (success or the first error). */
    static CoapResponse put(DeviceConnection connection, String path, Path file, Progress progress)
            throws CtlException, IOException {
        CoapClient client = connection.client(path);
        try (FileChannel channel = FileChannel.open(file)) {
            long total = channel.size();
            long offset = 0;
            int szx = LARGEST_SZX;
            while (true) {
                int size = BlockOption.szx2Size(szx);
                byte[] data = read(channel, offset, (int) Math.min(size, total - offset));
                boolean more = offset + data.length < total;
                Request put = Request.newPut();
                put.getOptions().setBlock1(szx, more, (int) (offset / size));
                if (offset == 0) {
                    put.getOptions().setSize1((int) Math.min(total, Integer.MAX_VALUE));
                }
                put.setPayload(data);
                CoapResponse response = send(connection, client, put, path);
                if (response.getCode() != ResponseCode.CONTINUE || !more) {
                    if (response.isSuccess()) {
                        progress.acknowledged(total, total);
                    }
                    return response;
                }
                offset += data.length;
                progress.acknowledged(offset, total);
                BlockOption ack = response.getOptions().getBlock1();
                if (ack != null && ack.getSzx() < szx) {
                    szx = ack.getSzx();
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static CoapResponse send(DeviceConnection connection, CoapClient client, Request request, String path)
            throws CtlException {
        try {
            CoapResponse response = client.advanced(request);
            if (response == null) {
                throw connection.noAnswer(path, request.getSendError());
            }
            return response;
        } catch (ConnectorException | IOException e) {
            throw connection.noAnswer(path, e);
        }
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file got shorter while it was being sent");
            }
        }
        return buffer.array();
    }
}
