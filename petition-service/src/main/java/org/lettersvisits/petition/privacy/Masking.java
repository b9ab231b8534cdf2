package org.lettersvisits.petition.privacy;

/**
 * How personal numbers and addresses show where their reader does not need them whole: the first six and last four
 * characters of a resident ID number ({@code 130100********6955}, the issuing region and the check
 * digits stay readable), the first three and last four digits of a phone number ({@code 139****5656}), the first six
 * characters of an address ({@code 北京市海淀区*********}: province, city and district as a Chinese address begins,
 * no street, building or room).
 */
public final class Masking {

    private Masking() {
    }

    public static String idNumber(String idNumber) {
        return keep(idNumber, 6, 4);
    }

    public static String phone(String phone) {
        return keep(phone, 3, 4);
    }

    public static String address(String address) {
        return keep(address, 6, 0);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null || value.isBlank()) {
            return value;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
