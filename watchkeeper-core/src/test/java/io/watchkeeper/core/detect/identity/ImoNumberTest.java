package io.watchkeeper.core.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.detect.identity.ImoNumber.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImoNumberTest {

    /**
     * By hand: 9074729: 9*7 + 0*6 + 7*5 + 4*4 + 7*3 + 2*2 = 63 + 0 + 35 + 16 + 21 + 4 = 139, last digit 9.
     * 1234567: 7 + 12 + 15 + 16 + 15 + 12 = 77, 7.
     * 9176187: 63 + 6 + 35 + 24 + 3 + 16 = 147, 7. 8814275: 56 + 48 + 5 + 16 + 6 + 14 = 145, 5.
     */
    @ParameterizedTest
    @CsvSource({
        "9074729, VALID",
        "9176187, VALID",
        "8814275, VALID",
        "9074728, BAD_CHECK_DIGIT",
        "9176188, BAD_CHECK_DIGIT",
        "1234567, VALID",
        "1234568, BAD_CHECK_DIGIT",
        "0, ABSENT",
        "1, UNUSED_RANGE",
        "999999, UNUSED_RANGE",
        "10000000, FLAG_STATE_NUMBER",
        "1073741823, FLAG_STATE_NUMBER",
    })
    void checkDigit(int imo, Verdict verdict) {
        assertThat(ImoNumber.check(imo)).isEqualTo(verdict);
    }
}
