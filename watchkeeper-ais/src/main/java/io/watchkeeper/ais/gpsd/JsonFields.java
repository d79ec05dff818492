package io.watchkeeper.ais.gpsd;

import io.watchkeeper.ais.message.BinaryData;

/** Appends {@code ,"name":value} members as gpsd writes them; shared by the JSON writers of this package. */
final class JsonFields {

    private JsonFields() {
    }

    static void number(StringBuilder out, String name, int value) {
        out.append(",\"").append(name).append("\":").append(value);
    }

    static void bool(StringBuilder out, String name, boolean value) {
        out.append(",\"").append(name).append("\":").append(value);
    }

    static void string(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":\"");
        escape(value, out);
        out.append('"');
    }

    /** {@code "data":"<bit count>:<hex>"}, gpsd's form of an undecoded binary payload. */
    static void data(StringBuilder out, BinaryData data) {
        out.append(",\"data\":\"").append(data.bitCount()).append(':');
        data.appendHex(out);
        out.append('"');
    }

    /** JSON string escaping; six-bit text only ever needs the quote and backslash cases. */
    static void escape(CharSequence value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00");
                out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(c);
            }
        }
    }

    /** {@code %0Nu}: zero-padded to {@code width} digits, longer numbers printed whole (year 10196). */
    static StringBuilder pad(StringBuilder out, int value, int width) {
        for (int digits = Integer.toString(value).length(); digits < width; digits++) {
            out.append('0');
        }
        return out.append(value);
    }

    /** {@code "name":"MM-DDTHH:MMZ"}, gpsd's partial ISO 8601 time of the DAC 1 messages. */
    static void monthDayTime(StringBuilder out, String name, int month, int day, int hour, int minute) {
        out.append(",\"").append(name).append("\":\"");
        pad(out, month, 2).append('-');
        pad(out, day, 2).append('T');
        pad(out, hour, 2).append(':');
        pad(out, minute, 2).append("Z\"");
    }
}
