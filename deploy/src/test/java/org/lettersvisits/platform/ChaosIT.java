package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lettersvisits.platform.chaos.ChaosRun;

/**
 * The shortened chaos run against the end-to-end platform (two instances of every service); the full one
 * is {@code ./platform chaos --replicas 2}, its table in docs/reliability.md. Whole lifecycles through
 * the APIs while one followup-service instance is killed with -9, while followup's database refuses
 * connections for 25 s, while assignment-service's relay leader is killed, while two rebuilds are
 * started at once and one reporting instance dies mid-rebuild, and with a poison record on every topic.
 * Every 4th lifecycle reopens (closed, visited dissatisfied, reopened, closed again, visited satisfied).
 * Nothing the APIs accepted may be lost or doubled, a reopened case ends closed with two closures and two
 * visits, only the poison may be dead-lettered, and no command is answered 409: the driver sends no If-Match
 * (a race it loses is run again by the service) and the same Idempotency-Key on every try of a command (a try
 * after one that took effect, its answer lost, is answered as a success).
 */
@ExtendWith(SharedPlatform.class)
class ChaosIT {

    @Test
    void under_each_fault_nothing_accepted_is_lost_or_doubled_and_only_poison_is_dead_lettered() throws Exception {
        List<ChaosRun.Row> rows = new ChaosRun(SharedPlatform.settings(), System.out, 2).run(true);

        assertThat(rows).extracting(ChaosRun.Row::fault).containsExactly("kill -9 followup-service-1",
                "followup database refusing connections 25 s", "kill -9 of assignment-service's relay leader",
                "two rebuilds started at once on two reporting instances", "reporting instance killed mid-rebuild",
                "a poison record on each topic");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.accepted()).as(row.fault() + ": commands accepted").isPositive();
            assertThat(row.notes()).as(row.fault() + ": what the audit found").isEmpty();
            assertThat(row.lost()).as(row.fault() + ": lost").isZero();
            assertThat(row.doubled()).as(row.fault() + ": doubled").isZero();
            assertThat(row.secondsToRecover()).as(row.fault() + ": recovered").isNotNegative();
            assertThat(row.conflicts()).as(row.fault() + ": 409s the user did not cause").isEmpty();
        });
        assertThat(rows.stream().mapToLong(ChaosRun.Row::reopened).sum()).as("lifecycles reopened and closed again")
                .isPositive();
        assertThat(rows.get(2).observations()).anySatisfy(o -> assertThat(o).contains("took the relay lead"));
        assertThat(rows.get(3).observations()).anySatisfy(o -> assertThat(o).containsAnyOf("[202, 409]", "[409, 202]"));
    }
}
