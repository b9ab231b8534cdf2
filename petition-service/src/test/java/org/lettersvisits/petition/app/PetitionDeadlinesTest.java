package org.lettersvisits.petition.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.EventCodec;
import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.petition.search.PetitionQueries.TimelineEntry;
import org.lettersvisits.testsupport.RuleCases;
import org.lettersvisits.testsupport.RuleCases.StatutoryCase;
import org.lettersvisits.time.StatutoryLimits;

/**
 * The case page's statutory handling deadline, asked about the statutory rule cases every service is asked about
 * ({@link RuleCases}): the timeline of each (assigned, accepted, extended, answered, review asked) must give the
 * deadline worked out by hand, and the review's once one was asked.
 */
class PetitionDeadlinesTest {

    private static final ZoneId COMMITTEE = ZoneId.of("Asia/Shanghai");

    @Test
    void the_case_page_shows_the_handling_deadline_of_every_statutory_rule_case() {
        assertThat(RuleCases.STATUTORY).allSatisfy(c -> {
            PetitionDeadlines deadlines = PetitionDeadlines.of(c.assignedOn().minusDays(3), timelineOf(c),
                    StatutoryLimits.ofTheRegulations(), COMMITTEE);

            assertThat(deadlines.handling().date()).as(c.name()).isEqualTo(c.handlingDue());
            if (c.reviewRequestedOn() != null) {
                assertThat(deadlines.review().date()).as(c.name()).isEqualTo(c.due());
            } else {
                assertThat(deadlines.review()).as(c.name()).isNull();
            }
        });
    }

    private static List<TimelineEntry> timelineOf(StatutoryCase c) {
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(entry(CaseAssigned.class, c.assignedOn(), Map.of("assignedOn", c.assignedOn().toString())));
        if (c.acceptedOn() != null) {
            timeline.add(entry(CaseAccepted.class, c.acceptedOn(), Map.of("acceptedOn", c.acceptedOn().toString())));
        }
        if (c.extensionDays() > 0) {
            timeline.add(entry(HandlingExtended.class, c.acceptedOn(), Map.of("days", c.extensionDays())));
        }
        if (c.closedOn() != null) {
            timeline.add(entry(CaseClosed.class, c.closedOn(), Map.of("closedOn", c.closedOn().toString())));
        }
        if (c.reviewRequestedOn() != null) {
            timeline.add(entry(CaseClosed.class, c.acceptedOn().plusDays(20), Map.of()));
            timeline.add(entry(CaseReviewRequested.class, c.reviewRequestedOn(),
                    Map.of("requestedOn", c.reviewRequestedOn().toString())));
        }
        return timeline;
    }

    /** A timeline line recorded a year later than the day it names, as a year entered late is. */
    private static TimelineEntry entry(Class<?> event, LocalDate day, Map<String, Object> facts) {
        OffsetDateTime recorded = day.plusYears(1).atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        return new TimelineEntry(EventCodec.typeOf(event), recorded, "someone", "", facts);
    }
}
