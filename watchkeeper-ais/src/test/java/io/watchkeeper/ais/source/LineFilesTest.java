package io.watchkeeper.ais.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.testing.TestData;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LineFilesTest {

    private static final Path PLAIN = TestData.file("dma-aislib/ais250.txt");
    private static final Path GZIP = TestData.file("dma-aisabnormal/ais-sample-micro.txt.gz");

    @Test
    void readsPlainFileLineByLine() throws IOException {
        List<String> expected = Files.readAllLines(PLAIN, StandardCharsets.ISO_8859_1);
        try (LineInput input = LineFiles.open(PLAIN.toString())) {
            assertThat(input.gzip()).isFalse();
            assertThat(input.sizeBytes()).isEqualTo(Files.size(PLAIN));
            assertThat(readAll(input)).isEqualTo(expected);
            assertThat(input.bytesRead()).isEqualTo(Files.size(PLAIN));
        }
    }

    @Test
    void readsGzipFileAndStripsCarriageReturns() throws IOException {
        List<String> expected = gunzipWithBufferedReader(Files.readAllBytes(GZIP));
        try (LineInput input = LineFiles.open(GZIP)) {
            assertThat(input.gzip()).isTrue();
            List<String> lines = readAll(input);
            assertThat(lines).isEqualTo(expected).isNotEmpty();
            assertThat(lines).noneMatch(line -> line.contains("\r"));
            assertThat(input.bytesRead()).isEqualTo(Files.size(GZIP));
        }
    }

    @Test
    void recognisesGzipByMagicBytesNotByName() throws IOException {
        byte[] plain = Files.readAllBytes(PLAIN);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(plain);
        }
        try (LineInput input = LineFiles.of(new ByteArrayInputStream(compressed.toByteArray()), "renamed.txt", -1)) {
            assertThat(input.gzip()).isTrue();
            assertThat(readAll(input)).isEqualTo(Files.readAllLines(PLAIN, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void emptyAndOneByteInputsAreNotMistakenForGzip() throws IOException {
        try (LineInput input = LineFiles.of(new ByteArrayInputStream(new byte[0]), "empty", 0)) {
            assertThat(input.gzip()).isFalse();
            assertThat(input.readLine()).isNull();
        }
        try (LineInput input = LineFiles.of(new ByteArrayInputStream(new byte[] {0x1f}), "one", 1)) {
            assertThat(input.gzip()).isFalse();
            assertThat(input.readLine()).isEqualTo("\u001f");
            assertThat(input.readLine()).isNull();
        }
    }

    private static List<String> readAll(LineInput input) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    private static List<String> gunzipWithBufferedReader(byte[] gz) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gz)), StandardCharsets.ISO_8859_1))) {
            return reader.lines().toList();
        }
    }
}
