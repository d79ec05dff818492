package io.watchkeeper.ais.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void splitsOnLfCrLfAndLoneCr() {
        LineSplitter splitter = new LineSplitter(100);
        feed(splitter, "a\nb\r\nc\rd\r\n\r\ne");
        assertThat(lines).containsExactly("a", "b", "c", "d", "");
        assertThat(splitter.flush(lines::add)).isTrue();
        assertThat(lines).containsExactly("a", "b", "c", "d", "", "e");
    }

    @Test
    void crLfSplitAcrossTwoReadsIsOneTerminator() {
        LineSplitter splitter = new LineSplitter(100);
        feed(splitter, "a\r");
        feed(splitter, "\nb\n");
        assertThat(lines).containsExactly("a", "b");
        assertThat(splitter.flush(lines::add)).isFalse();
    }

    @Test
    void everyByteDecodesAsLatin1WithoutThrowing() {
        byte[] junk = {(byte) 0xFF, (byte) 0x80, 0x00, 'x', '\n'};
        new LineSplitter(100).feed(junk, 0, junk.length, lines::add);
        assertThat(lines).containsExactly("\u00ff\u0080\u0000x");
    }

    @Test
    void overlongLineIsCutAndCounted() {
        LineSplitter splitter = new LineSplitter(4);
        feed(splitter, "abcdefgh\nij\n");
        assertThat(lines).containsExactly("abcd", "ij");
        assertThat(splitter.overlongLines()).isEqualTo(1);
    }

    private void feed(LineSplitter splitter, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        splitter.feed(bytes, 0, bytes.length, lines::add);
    }
}
