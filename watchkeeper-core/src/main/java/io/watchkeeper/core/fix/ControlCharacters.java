package io.watchkeeper.core.fix;

/**
 * The characters that no identity, and no text that is stored, may hold: C0 (U+0000..U+001F, tab and
 * newline included), DEL (U+007F) and C1 (U+0080..U+009F), which is {@link Character#isISOControl}. A NUL
 * stops PostgreSQL's text types, and the others make ids that print the same but differ, or break a log line.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The index of the first control character in {@code text}, or -1. */
    public static int indexIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first control character in {@code chars[offset..offset+length)}, or -1; for parsers' buffers. */
    public static int indexIn(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (Character.isISOControl(chars[i])) {
                return i;
            }
        }
        return -1;
    }

    /** {@code U+0000}: how a reason names the character, since printing it is what must not happen. */
    public static String name(char c) {
        return String.format("U+%04X", (int) c);
    }
}
