package org.lettersvisits.petition.app;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.petition.domain.AcceptanceNoticeSent;
import org.lettersvisits.petition.search.PetitionQueries.TimelineEntry;
import org.lettersvisits.petition.search.TimelineTypes;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

/**
 * A petition's statutory time limits as its case page shows them: the written notice whether it is accepted (from
 * the day received) and, once the case is assigned, its handling ({@link StatutoryLimits#handlingDue}: from the day a
 * department last accepted it, from the assignment while none did), with its one extension. Null where a
 * limit does not run yet; {@code acceptanceNoticeInTime} says whether the notice recorded went out by its day. After
 * the written answer (the case's last closure, {@code answeredOn}): {@code reviewRequest}, until when the petitioner may
 * ask for a review; once asked ({@code reviewRequestedOn}), {@code review}, when it must be answered.
 */
public record PetitionDeadlines(StatutoryDeadline acceptanceNotice, LocalDate acceptanceNoticeSentOn,
        Boolean acceptanceNoticeInTime, LocalDate acceptedOn, int handlingExtendedBy, StatutoryDeadline handling,
        LocalDate answeredOn, StatutoryDeadline reviewRequest, LocalDate reviewRequestedOn, StatutoryDeadline review) {

    static PetitionDeadlines of(LocalDate receivedOn, List<TimelineEntry> timeline, StatutoryLimits limits, ZoneId zone) {
        LocalDate assignedOn = null;
        LocalDate acceptedOn = null;
        LocalDate noticeSentOn = null;
        int extendedBy = 0;
        LocalDate answeredOn = null;
        LocalDate reviewRequestedOn = null;
        for (TimelineEntry entry : timeline) {
            if (is(entry, CaseAssigned.class) && assignedOn == null) {
                assignedOn = day(entry, "assignedOn", zone);
            }
            if (is(entry, CaseClosed.class)) {
                answeredOn = day(entry, "closedOn", zone);
            }
            if (is(entry, CaseReviewRequested.class)) {
                reviewRequestedOn = day(entry, "requestedOn", zone);
            }
            if (is(entry, AcceptanceNoticeSent.class) && entry.facts().get("sentOn") != null) {
                noticeSentOn = LocalDate.parse(entry.facts().get("sentOn").toString());
            }
            if (is(entry, HandlingExtended.class) && entry.facts().get("days") != null) {
                extendedBy = Integer.parseInt(entry.facts().get("days").toString());
            }
            if (is(entry, CaseAccepted.class)) {
                Object named = entry.facts().get("acceptedOn");
                acceptedOn = named != null ? LocalDate.parse(named.toString()) : entry.at().atZoneSameInstant(zone).toLocalDate();
            }
        }
        StatutoryDeadline noticeDue = limits.acceptanceNoticeDue(receivedOn);
        return new PetitionDeadlines(noticeDue, noticeSentOn,
                noticeSentOn == null ? null : !noticeSentOn.isAfter(noticeDue.date()), acceptedOn, extendedBy,
                limits.handlingDue(assignedOn, acceptedOn, extendedBy), answeredOn,
                answeredOn == null ? null : limits.reviewRequestDue(answeredOn), reviewRequestedOn,
                reviewRequestedOn == null ? null : limits.reviewDue(reviewRequestedOn));
    }

    private static boolean is(TimelineEntry entry, Class<?> event) {
        return TimelineTypes.of(event).equals(entry.type());
    }

    /** The business day a timeline entry names under {@code fact}, else the day it was recorded (older entries). */
    private static LocalDate day(TimelineEntry entry, String fact, ZoneId zone) {
        Object named = entry.facts().get(fact);
        return named != null ? LocalDate.parse(named.toString()) : entry.at().atZoneSameInstant(zone).toLocalDate();
    }
}
