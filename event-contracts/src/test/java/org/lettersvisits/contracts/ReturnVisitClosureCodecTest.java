package org.lettersvisits.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.registry.PlatformEvents;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;
import org.lettersvisits.contracts.followup.Satisfaction;

/** A return visit names the closure it was made for; visits stored or sent before that still read, naming none. */
class ReturnVisitClosureCodecTest {

    private final EventCodec codec = PlatformEvents.codec();
    private final UUID visit = UUID.randomUUID();
    private final UUID caseId = UUID.randomUUID();

    @Test
    void a_visit_carries_the_version_of_its_closure_through_the_codec() {
        ReturnVisitCompleted completed = new ReturnVisitCompleted(visit, caseId, LocalDate.of(2026, 11, 10), "Visitor S",
                Satisfaction.DISSATISFIED, false, "still disputes", true, 3);
        EventCodec.Encoded encoded = codec.encode(completed);

        assertThat(encoded.json()).contains("\"closureVersion\":3");
        assertThat(codec.decode(encoded.type(), encoded.json())).isEqualTo(completed);
    }

    @Test
    void a_visit_written_before_closures_were_named_reads_as_naming_none() {
        String scheduled = "{\"visitId\":\"" + visit + "\",\"caseId\":\"" + caseId + "\",\"caseNumber\":\"XF-2026-00001\","
                + "\"department\":\"COURT\",\"closedOn\":\"2026-11-01\",\"dueBy\":\"2026-11-16\"}";
        String completed = "{\"visitId\":\"" + visit + "\",\"caseId\":\"" + caseId + "\",\"visitedOn\":\"2026-11-10\","
                + "\"visitor\":\"Visitor S\",\"satisfaction\":\"DISSATISFIED\",\"petitionerWithdraws\":false,"
                + "\"notes\":null,\"reopen\":true}";

        assertThat(codec.decode("return-visit.scheduled.v1", scheduled)).isEqualTo(new ReturnVisitScheduled(visit, caseId,
                "XF-2026-00001", Department.COURT, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 16)));
        assertThat(((ReturnVisitCompleted) codec.decode("return-visit.completed.v1", completed)).closureVersion()).isNull();
        assertThat(((ReturnVisitCompleted) codec.decode("return-visit.completed.v1", completed)).reopen()).isTrue();
    }
}
