package io.watchkeeper.core.vessel;

/**
 * The AIS "type of ship and cargo" code (ITU-R M.1371, table 53) in words. The tens digit is the
 * category; for WIG, high-speed craft, passenger, cargo, tanker and other ships the units digit is the
 * hazardous-cargo category (1..4 = X, Y, Z, OS), 9 meaning no additional information.
 */
public final class ShipType {

    /** A tug, as RTEC's tugging rule and the tug-assist detector know it. */
    public static final int TUG = 52;

    private ShipType() {
    }

    /** The words for {@code code} 0..99; out-of-range codes read as {@code "Unknown (n)"}. */
    public static String text(int code) {
        if (code < 0 || code > 99) {
            return "Unknown (" + code + ")";
        }
        if (code == 0) {
            return "Not available";
        }
        if (code < 20) {
            return "Reserved";
        }
        int tens = code / 10;
        int units = code % 10;
        return switch (tens) {
            case 3 -> special3(units);
            case 5 -> special5(units);
            case 2 -> categorised("Wing in ground", units);
            case 4 -> categorised("High-speed craft", units);
            case 6 -> categorised("Passenger", units);
            case 7 -> categorised("Cargo", units);
            case 8 -> categorised("Tanker", units);
            default -> categorised("Other", units);
        };
    }

    /** True for the tug code 52. */
    public static boolean isTug(int code) {
        return code == TUG;
    }

    private static String special3(int units) {
        return switch (units) {
            case 0 -> "Fishing";
            case 1 -> "Towing";
            case 2 -> "Towing, long or wide";
            case 3 -> "Dredging or underwater operations";
            case 4 -> "Diving operations";
            case 5 -> "Military operations";
            case 6 -> "Sailing";
            case 7 -> "Pleasure craft";
            default -> "Reserved";
        };
    }

    private static String special5(int units) {
        return switch (units) {
            case 0 -> "Pilot vessel";
            case 1 -> "Search and rescue vessel";
            case 2 -> "Tug";
            case 3 -> "Port tender";
            case 4 -> "Anti-pollution equipment";
            case 5 -> "Law enforcement";
            case 8 -> "Medical transport";
            case 9 -> "Noncombatant ship";
            default -> "Local vessel";
        };
    }

    private static String categorised(String kind, int units) {
        return switch (units) {
            case 0 -> kind;
            case 1 -> kind + ", hazardous category X";
            case 2 -> kind + ", hazardous category Y";
            case 3 -> kind + ", hazardous category Z";
            case 4 -> kind + ", hazardous category OS";
            case 9 -> kind + ", no additional information";
            default -> kind + ", reserved";
        };
    }
}
