package org.lettersvisits.petition.app;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.lettersvisits.petition.search.PetitionQueries.TimelineEntry;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

/**
 * A petition's statutory time limits as its case page shows them: the written notice whether it is accepted (from
 * the day received) and, once a department accepted the case, its handling (from the day accepted, as the timeline
 * says; a case accepted again after a transfer counts from the last acceptance), with its one extension. Null where a
 * limit does not run yet; {@code acceptanceNoticeInTime} says whether the notice recorded went out by its day.
 */
public record PetitionDeadlines(StatutoryDeadline acceptanceNotice, LocalDate acceptanceNoticeSentOn,
        Boolean acceptanceNoticeInTime, LocalDate acceptedOn, int handlingExtendedBy, StatutoryDeadline handling) {

    static PetitionDeadlines of(LocalDate receivedOn, List<TimelineEntry> timeline, StatutoryLimits limits, ZoneId zone) {
        LocalDate acceptedOn = null;
        LocalDate noticeSentOn = null;
        int extendedBy = 0;
        for (TimelineEntry entry : timeline) {
            if ("AcceptanceNoticeSent".equals(entry.type()) && entry.facts().get("sentOn") != null) {
                noticeSentOn = LocalDate.parse(entry.facts().get("sentOn").toString());
            }
            if ("HandlingExtended".equals(entry.type()) && entry.facts().get("days") != null) {
                extendedBy = Integer.parseInt(entry.facts().get("days").toString());
            }
            if ("CaseAccepted".equals(entry.type())) {
                Object named = entry.facts().get("acceptedOn");
                acceptedOn = named != null ? LocalDate.parse(named.toString()) : entry.at().atZoneSameInstant(zone).toLocalDate();
            }
        }
        StatutoryDeadline noticeDue = limits.acceptanceNoticeDue(receivedOn);
        return new PetitionDeadlines(noticeDue, noticeSentOn,
                noticeSentOn == null ? null : !noticeSentOn.isAfter(noticeDue.date()), acceptedOn, extendedBy,
                acceptedOn == null ? null : limits.handlingDue(acceptedOn, extendedBy));
    }
}
