package org.lettersvisits.time;

import java.time.LocalDate;

import org.lettersvisits.problem.InvalidField;

/** Rules for business dates in requests, and how Chinese documents write a day. */
public final class BusinessDates {

    private BusinessDates() {
    }

    /** The date a request gives, or today when it gives none; a date in the future is a 400 naming the field. */
    public static LocalDate todayOrPast(String field, LocalDate date, LocalDate today) {
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new InvalidField(field, "must not be in the future (today is " + today + ")");
        }
        return date;
    }

    /** A day as Chinese documents and mails write it: {@code 2026年10月17日}. */
    public static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
