package org.lettersvisits.petition.registering;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks a resident identity number: 17 digits (region, birth date yyyyMMdd, sequence) and a
 * check character computed with the GB 11643 weights (mod 11, "10X98765432"). Absent is valid.
 */
public class ResidentIdNumberValidator implements ConstraintValidator<ResidentIdNumber, String> {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isValidNumber(value);
    }

    static boolean isValidNumber(String value) {
        if (!value.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        try {
            LocalDate born = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
            if (born.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(value.charAt(17)) == CHECK_CHARACTERS.charAt(sum % 11);
    }
}
