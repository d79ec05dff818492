package io.watchkeeper.mqtt.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT&nbsp;5 packets written by hand on a plain socket, for what a well-behaved client library refuses to
 * send: the HiveMQ client will not publish more than the broker's announced maximum packet size, a hostile
 * client will.
 */
public final class RawMqtt {

    private RawMqtt() {
    }

    /**
     * Connects anonymously as {@code clientId} and publishes {@code payloadBytes} zero bytes (QoS 0) on
     * {@code topic}.
     *
     * @return true if the broker closed the connection (within 10 s of the last byte the broker read)
     */
    public static boolean publishAndSeeClosed(int port, String clientId, String topic, int payloadBytes)
            throws IOException {
        try (Socket raw = new Socket("127.0.0.1", port)) {
            raw.setSoTimeout(10_000);
            OutputStream out = raw.getOutputStream();
            InputStream in = raw.getInputStream();
            out.write(connectPacket(clientId));
            if (in.read() != 0x20) {
                throw new IOException("no CONNACK from the broker");
            }
            in.skipNBytes(in.read());
            try {
                out.write(publishHeader(topic, payloadBytes));
                byte[] chunk = new byte[64 * 1024];
                for (int sent = 0; sent < payloadBytes; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, payloadBytes - sent));
                }
            } catch (IOException closedWhileSending) {
                return true; // the broker closed the connection before the payload was through
            }
            return readUntilClosed(in);
        }
    }

    /** A CONNECT with clean start, keep-alive 60 s, no will and no login. */
    private static byte[] connectPacket(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 60, 0});
        body.writeBytes(new byte[] {(byte) (id.length >> 8), (byte) id.length});
        body.writeBytes(id);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        writeVarInt(packet, body.size());
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    /** The fixed and variable header of a QoS 0 PUBLISH of {@code payloadBytes}, without properties. */
    private static byte[] publishHeader(String topic, int payloadBytes) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x30);
        writeVarInt(packet, 2 + t.length + 1 + payloadBytes);
        packet.writeBytes(new byte[] {(byte) (t.length >> 8), (byte) t.length});
        packet.writeBytes(t);
        packet.write(0);
        return packet.toByteArray();
    }

    private static void writeVarInt(ByteArrayOutputStream out, int value) {
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            out.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
    }

    /** Reads (a DISCONNECT, perhaps) until the broker closes the socket; false if it stays open 10 s. */
    private static boolean readUntilClosed(InputStream in) {
        try {
            while (in.read() >= 0) {
                // a DISCONNECT with PACKET_TOO_LARGE may come first
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the broker: closed as well
        }
    }
}
