package org.lettersvisits.petition.registering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = { "130100199312266955", "130300199101151446", "11010519491231002X", "11010519491231002x" })
    void accepts_numbers_with_the_right_check_character(String number) {
        assertThat(ResidentIdNumberValidator.isValidNumber(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "130100199312266954", // wrong check character
            "110105194912310021", // wrong check character (should be X)
            "13010019931226695", // 17 characters
            "1301001993122669555", // 19 characters
            "130100199313266957", // month 13 (check character right)
            "130100180012266953", // born before 1900 (check character right)
            "13010019931226695A", // letter other than X
            "" })
    void rejects_anything_else(String number) {
        assertThat(ResidentIdNumberValidator.isValidNumber(number)).isFalse();
    }
}
