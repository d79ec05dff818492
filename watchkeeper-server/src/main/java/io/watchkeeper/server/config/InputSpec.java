package io.watchkeeper.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * One AIS or track input the engine reads besides MQTT, written the same way on the command line
 * ({@code --input}) and in YAML ({@code inputs:}): {@code [NAME=]KIND:WHERE}.
 *
 * <pre>
 *   file:recording.nmea.gz      NMEA lines from a file, plain or gzip ({@code -} is stdin)
 *   tcp:relay.example.org:5631  NMEA-over-TCP client (AIS-catcher, gpsd, rtl-ais), reconnecting
 *   udp:10110                   NMEA datagrams on a local UDP port, on the loopback interface only
 *   udp:0.0.0.0:10110           the same on every interface (or one address: udp:192.0.2.7:10110, udp:[::]:10110)
 *   csv:tracks.csv              decoded positions (MarineCadastre, DMA, Solent or AMSA columns)
 *   solent=csv:SolentAIS.csv    the same, named: NAME is the site of its fixes and DEADLETTER/NAME
 * </pre>
 */
public sealed interface InputSpec {

    /** The site of the fixes this input yields (unless an AIS tag block names one) and its dead-letter topic. */
    String name();

    /** NMEA lines from a file. */
    record NmeaFile(String name, Path path) implements InputSpec {
    }

    /** NMEA lines from a TCP relay. */
    record NmeaTcp(String name, String host, int port) implements InputSpec {
    }

    /**
     * NMEA datagrams on a local UDP port.
     *
     * @param address the local IP address to bind: {@link #LOOPBACK} unless the spec names one, because a UDP
     *                input has no login, so whoever can reach the port can feed the engine
     */
    record NmeaUdp(String name, InetAddress address, int port) implements InputSpec {
        public NmeaUdp {
            Objects.requireNonNull(address, "address");
        }
    }

    /** Where a UDP input listens when its spec names no address. */
    InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Decoded positions from a CSV file. */
    record CsvFile(String name, Path path) implements InputSpec {
    }

    /**
     * @throws ConfigException with a message that shows the accepted forms
     */
    static InputSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        String spec = text.strip();
        String name = null;
        int eq = spec.indexOf('=');
        int colon = spec.indexOf(':');
        if (eq > 0 && (colon < 0 || eq < colon)) {
            name = spec.substring(0, eq);
            spec = spec.substring(eq + 1);
            colon = spec.indexOf(':');
        }
        if (colon <= 0 || colon == spec.length() - 1) {
            throw invalid(text, "expected KIND:WHERE");
        }
        String kind = spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String where = spec.substring(colon + 1);
        return switch (kind) {
            case "file" -> new NmeaFile(name != null ? name : baseName(where), Path.of(where));
            case "csv" -> new CsvFile(name != null ? name : baseName(where), Path.of(where));
            case "tcp" -> tcp(text, name, where);
            case "udp" -> udp(text, name, where);
            default -> throw invalid(text, "unknown kind '" + kind + "'");
        };
    }

    private static NmeaTcp tcp(String text, String name, String where) {
        int colon = where.lastIndexOf(':');
        if (colon <= 0) {
            throw invalid(text, "tcp needs HOST:PORT");
        }
        String host = where.substring(0, colon);
        return new NmeaTcp(name != null ? name : host, host, port(text, where.substring(colon + 1)));
    }

    /** {@code PORT} (loopback) or {@code ADDR:PORT}, where ADDR is an IP address, IPv6 in brackets. */
    private static NmeaUdp udp(String text, @Nullable String name, String where) {
        int colon = where.lastIndexOf(':');
        int port = port(text, where.substring(colon + 1));
        InetAddress address = colon < 0 ? LOOPBACK : ipLiteral(text, where.substring(0, colon));
        return new NmeaUdp(name != null ? name : "udp-" + port, address, port);
    }

    /** An IPv4 or IPv6 address (the latter in brackets); a literal only, so that parsing never looks a name up. */
    private static InetAddress ipLiteral(String text, String address) {
        boolean bracketed = address.startsWith("[") && address.endsWith("]");
        String literal = bracketed ? address.substring(1, address.length() - 1) : address;
        boolean ipv4 = literal.matches("(\\d{1,3}\\.){3}\\d{1,3}");
        boolean ipv6 = bracketed && literal.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
        if (ipv4 || ipv6) {
            try {
                return InetAddress.getByName(literal);
            } catch (UnknownHostException e) {
                // reported below, with the accepted forms
            }
        }
        throw invalid(text, "'" + address + "' is not an IP address to listen on (IPv6 goes in brackets: [::1])");
    }

    private static int port(String text, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the accepted forms
        }
        throw invalid(text, "'" + port + "' is not a port number");
    }

    /** {@code recording} for {@code /data/recording.nmea.gz}: a readable site name. */
    private static String baseName(String path) {
        if ("-".equals(path)) {
            return "stdin";
        }
        String file = Path.of(path).getFileName().toString();
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static ConfigException invalid(String text, String problem) {
        return new ConfigException("input '" + text + "': " + problem
                + " (use file:PATH, tcp:HOST:PORT, udp:[ADDR:]PORT or csv:PATH, optionally NAME=...)");
    }
}
