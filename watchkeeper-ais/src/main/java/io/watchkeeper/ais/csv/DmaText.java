package io.watchkeeper.ais.csv;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * DMA's CSV spells codes out in words; these map them back to ITU-R M.1371 codes. Words are compared
 * by their letters only, case-insensitively, since DMA's own spelling varies ("manoeuvrability").
 */
final class DmaText {

    private static final Map<String, Integer> NAV_STATUS = Map.ofEntries(
            Map.entry("underwayusingengine", 0),
            Map.entry("atanchor", 1),
            Map.entry("notundercommand", 2),
            Map.entry("restrictedmaneuverability", 3),
            Map.entry("restrictedmanoeuverability", 3),
            Map.entry("restrictedmanoeuvrability", 3),
            Map.entry("constrainedbyherdraught", 4),
            Map.entry("moored", 5),
            Map.entry("aground", 6),
            Map.entry("engagedinfishing", 7),
            Map.entry("underwaysailing", 8),
            Map.entry("reservedforfutureamendmenthsc", 9),
            Map.entry("reservedforfutureamendmentwig", 10),
            Map.entry("powerdrivenvesseltowingastern", 11),
            Map.entry("powerdrivenvesselpushingaheadortowingalongside", 12),
            Map.entry("reservedforfutureuse", 13),
            Map.entry("aissart", 14),
            Map.entry("unknownvalue", 15),
            Map.entry("notdefined", 15));

    /** Ship type words to the code with units digit 0; the cargo type adds the units for categorised types. */
    private static final Map<String, Integer> SHIP_TYPE = Map.ofEntries(
            Map.entry("wig", 20),
            Map.entry("fishing", 30),
            Map.entry("towing", 31),
            Map.entry("towinglongwide", 32),
            Map.entry("dredging", 33),
            Map.entry("diving", 34),
            Map.entry("military", 35),
            Map.entry("sailing", 36),
            Map.entry("pleasure", 37),
            Map.entry("hsc", 40),
            Map.entry("pilot", 50),
            Map.entry("sar", 51),
            Map.entry("tug", 52),
            Map.entry("porttender", 53),
            Map.entry("antipollution", 54),
            Map.entry("lawenforcement", 55),
            Map.entry("spare1", 56),
            Map.entry("spare2", 57),
            Map.entry("medical", 58),
            Map.entry("notpartytoconflict", 59),
            Map.entry("passenger", 60),
            Map.entry("cargo", 70),
            Map.entry("tanker", 80),
            Map.entry("other", 90));

    private static final Map<String, Integer> CARGO_UNITS = Map.of(
            "categoryx", 1, "categoryy", 2, "categoryz", 3, "categoryos", 4, "noadditionalinformation", 9);

    private DmaText() {
    }

    /** The navigational status code for DMA's words; empty if unknown. */
    static OptionalInt navStatus(String text) {
        Integer code = NAV_STATUS.get(letters(text));
        return code != null ? OptionalInt.of(code) : OptionalInt.empty();
    }

    /** True for the words DMA writes when it has no ship type. */
    static boolean isUndefinedShipType(String text) {
        String key = letters(text);
        return key.equals("undefined") || key.equals("reserved");
    }

    /** The ship-and-cargo code for DMA's ship type and cargo type words; empty if unknown. */
    static OptionalInt shipType(String shipType, String cargoType) {
        Integer code = SHIP_TYPE.get(letters(shipType));
        if (code == null) {
            return OptionalInt.empty();
        }
        int tens = code / 10;
        // Only these categories carry a hazardous-cargo units digit (ITU-R M.1371 table 53).
        boolean categorised = code % 10 == 0 && (tens == 2 || tens == 4 || tens >= 6);
        Integer units = CARGO_UNITS.get(letters(cargoType));
        return OptionalInt.of(categorised && units != null ? code + units : code);
    }

    private static String letters(String text) {
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
