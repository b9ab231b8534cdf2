package org.lettersvisits.time;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lettersvisits.contracts.assignment.CaseStatus;

/**
 * The time limits of the Regulations on Letters and Visits Work (信访工作条例, 2022), in calendar days, a period that
 * ends on a rest day running to the next working day ({@link WorkingDayCalendar}): the written notice whether a
 * matter is accepted, within 15 days of receipt; handling an accepted matter, within 60 days; one extension of at
 * most 30 days; a request for review, within 30 days of the written answer; the review, within 30 days. The figures
 * are configuration ({@code statutory.*}) with these defaults. This is the one place that says which statutory
 * deadline a case keeps and whether it kept it; every service asks here.
 */
@ApplicationScoped
public class StatutoryLimits {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();
    private final int acceptanceNoticeDays;
    private final int handlingDays;
    private final int extensionMaxDays;
    private final int reviewRequestDays;
    private final int reviewDays;

    @Inject
    public StatutoryLimits(@ConfigProperty(name = "statutory.acceptance-notice-days", defaultValue = "15") int acceptanceNoticeDays,
            @ConfigProperty(name = "statutory.handling-days", defaultValue = "60") int handlingDays,
            @ConfigProperty(name = "statutory.extension-max-days", defaultValue = "30") int extensionMaxDays,
            @ConfigProperty(name = "statutory.review-request-days", defaultValue = "30") int reviewRequestDays,
            @ConfigProperty(name = "statutory.review-days", defaultValue = "30") int reviewDays) {
        this.acceptanceNoticeDays = acceptanceNoticeDays;
        this.handlingDays = handlingDays;
        this.extensionMaxDays = extensionMaxDays;
        this.reviewRequestDays = reviewRequestDays;
        this.reviewDays = reviewDays;
    }

    /** The Regulations' figures: 15, 60, 30, 30 and 30 days. */
    public static StatutoryLimits ofTheRegulations() {
        return new StatutoryLimits(15, 60, 30, 30, 30);
    }

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

    /**
     * When an assigned case must be handled: the handling period, with its one extension ({@code extensionDays}, 0 for
     * none), from the day its department last accepted it; while it never was, from the day it was assigned, for the
     * period runs whether or not the department acknowledges the case. Null for a case never assigned.
     */
    public StatutoryDeadline handlingDue(LocalDate assignedOn, LocalDate acceptedOn, int extensionDays) {
        LocalDate start = acceptedOn != null ? acceptedOn : assignedOn;
        return start == null ? null : calendar.periodEnd(start, handlingDays + extensionDays);
    }

    /**
     * The statutory deadline a case keeps: once the petitioner asked for a review ({@code reviewRequestedOn}), the
     * review's; before that, its {@link #handlingDue handling deadline}.
     */
    public StatutoryDeadline caseDue(LocalDate assignedOn, LocalDate acceptedOn, int extensionDays,
            LocalDate reviewRequestedOn) {
        return reviewRequestedOn != null ? reviewDue(reviewRequestedOn) : handlingDue(assignedOn, acceptedOn, extensionDays);
    }

    /** Whether a case answered (closed) on {@code closedOn} kept its statutory deadline: on the deadline is in time. */
    public static boolean keptLimit(LocalDate closedOn, StatutoryDeadline due) {
        return closedOn != null && due != null && !closedOn.isAfter(due.date());
    }

    /** Whether an open case is past its statutory deadline on {@code today}. */
    public static boolean pastLimit(CaseStatus status, StatutoryDeadline due, LocalDate today) {
        return status != null && status.isOpen() && due != null && due.date().isBefore(today);
    }

    /** Until when the petitioner may ask for a review of the written answer. */
    public StatutoryDeadline reviewRequestDue(LocalDate answeredOn) {
        return calendar.periodEnd(answeredOn, reviewRequestDays);
    }

    /** When a review asked for must be answered. */
    public StatutoryDeadline reviewDue(LocalDate requestedOn) {
        return calendar.periodEnd(requestedOn, reviewDays);
    }

    /** The handling period in days (60), as a notice to the petitioner states it. */
    public int handlingDays() {
        return handlingDays;
    }

    public int extensionMaxDays() {
        return extensionMaxDays;
    }

    /** The days after the written answer in which a review may be asked for (30), as the answer states them. */
    public int reviewRequestDays() {
        return reviewRequestDays;
    }
}
