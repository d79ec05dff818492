package io.watchkeeper.core.detect.identity;

/**
 * The IMO ship identification number of AIS static data (message 5), checked as the IMO scheme
 * defines it (IMO Resolution A.1117(30), made mandatory by SOLAS regulation XI-1/3): seven digits,
 * the last a check digit, the sum of the first six multiplied by 7, 6, 5, 4, 3 and 2, modulo 10.
 * ITU-R M.1371-5 (message 5, "IMO number") gives the field's other values: 0 not available,
 * 1..999999 not used, 10000000 and over an official flag-state number (not an IMO number, so not checked).
 */
public final class ImoNumber {

    /** What an IMO field holds. */
    public enum Verdict {
        /** 0: not given. */
        ABSENT,
        /** Seven digits whose check digit holds. */
        VALID,
        /** Seven digits whose check digit does not hold. */
        BAD_CHECK_DIGIT,
        /** 1..999999: values ITU-R M.1371-5 leaves unused. */
        UNUSED_RANGE,
        /** 10000000 and over: an official flag-state number, valid by format. */
        FLAG_STATE_NUMBER
    }

    private ImoNumber() {
    }

    public static Verdict check(int imo) {
        if (imo == 0) {
            return Verdict.ABSENT;
        }
        if (imo < 0 || imo >= 10_000_000) {
            return imo < 0 ? Verdict.UNUSED_RANGE : Verdict.FLAG_STATE_NUMBER;
        }
        if (imo < 1_000_000) {
            return Verdict.UNUSED_RANGE;
        }
        return checkDigit(imo) == imo % 10 ? Verdict.VALID : Verdict.BAD_CHECK_DIGIT;
    }

    /** The check digit the first six digits of a seven-digit number call for. */
    static int checkDigit(int imo) {
        int rest = imo / 10;
        int sum = 0;
        for (int weight = 2; weight <= 7; weight++) {
            sum += (rest % 10) * weight;
            rest /= 10;
        }
        return sum % 10;
    }
}
