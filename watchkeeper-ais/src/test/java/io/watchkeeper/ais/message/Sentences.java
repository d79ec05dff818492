package io.watchkeeper.ais.message;

/** Test helper: the payload (field 6) and fill bits (field 7) of single- or multi-sentence {@code !AIVDM} lines. */
public final class Sentences {

    private Sentences() {
    }

    /** Payload of one or more fragment lines, joined; fill bits come from the last. */
    public static AisMessage decode(String... lines) throws AisPayloadException {
        StringBuilder payload = new StringBuilder();
        int fill = 0;
        for (String line : lines) {
            String[] fields = line.substring(line.indexOf('!')).split(",");
            payload.append(fields[5]);
            fill = Integer.parseInt(fields[6].substring(0, 1));
        }
        return new AisMessageDecoder().decode(payload, fill);
    }
}
