package org.lettersvisits.time;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time limits of the Regulations on Letters and Visits Work (信访工作条例, 2022), in calendar days, a period that
 * ends on a rest day running to the next working day ({@link WorkingDayCalendar}): the written notice whether a
 * matter is accepted, within 15 days of receipt; handling an accepted matter, within 60 days; one extension of at
 * most 30 days; a request for review, within 30 days of the written answer; the review, within 30 days. The figures
 * are configuration ({@code statutory.*}) with these defaults.
 */
@ApplicationScoped
public class StatutoryLimits {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @ConfigProperty(name = "statutory.acceptance-notice-days", defaultValue = "15")
    int acceptanceNoticeDays;

    @ConfigProperty(name = "statutory.handling-days", defaultValue = "60")
    int handlingDays;

    @ConfigProperty(name = "statutory.extension-max-days", defaultValue = "30")
    int extensionMaxDays;

    @ConfigProperty(name = "statutory.review-request-days", defaultValue = "30")
    int reviewRequestDays;

    @ConfigProperty(name = "statutory.review-days", defaultValue = "30")
    int reviewDays;

    /** When the petitioner must be told in writing whether the matter is accepted. */
    public StatutoryDeadline acceptanceNoticeDue(LocalDate receivedOn) {
        return calendar.periodEnd(receivedOn, acceptanceNoticeDays);
    }

    /**
     * The last day of receipt whose written notice of acceptance was due before {@code today}: a petition received then
     * or earlier, with no notice recorded, is late.
     */
    public LocalDate lastReceiptWithNoticeLateOn(LocalDate today) {
        LocalDate received = today.minusDays(acceptanceNoticeDays);
        while (!acceptanceNoticeDue(received).date().isBefore(today)) {
            received = received.minusDays(1);
        }
        return received;
    }

    /** When an accepted matter must be handled, with the days of its one extension (0 for none). */
    public StatutoryDeadline handlingDue(LocalDate acceptedOn, int extensionDays) {
        return calendar.periodEnd(acceptedOn, handlingDays + extensionDays);
    }

    /** Until when the petitioner may ask for a review of the written answer. */
    public StatutoryDeadline reviewRequestDue(LocalDate answeredOn) {
        return calendar.periodEnd(answeredOn, reviewRequestDays);
    }

    /** When a review asked for must be answered. */
    public StatutoryDeadline reviewDue(LocalDate requestedOn) {
        return calendar.periodEnd(requestedOn, reviewDays);
    }

    public int extensionMaxDays() {
        return extensionMaxDays;
    }
}
