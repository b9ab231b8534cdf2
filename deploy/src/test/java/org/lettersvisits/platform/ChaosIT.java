package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lettersvisits.platform.chaos.ChaosRun;

/**
 * The shortened chaos run (the full one is {@code ./platform chaos}, its table in docs/reliability.md):
 * whole lifecycles through the APIs while followup-service is killed with -9, while its database
 * refuses connections for 25 s, while the broker is killed, and with a poison record on every topic.
 * Nothing the APIs accepted may be lost or doubled, and only the poison may be dead-lettered.
 */
@ExtendWith(SharedPlatform.class)
class ChaosIT {

    @Test
    void under_each_fault_nothing_accepted_is_lost_or_doubled_and_only_poison_is_dead_lettered() throws Exception {
        List<ChaosRun.Row> rows = new ChaosRun(SharedPlatform.settings(), System.out, 2).run(true);

        assertThat(rows).extracting(ChaosRun.Row::fault).containsExactly("kill -9 followup-service",
                "followup database refusing connections 25 s", "Kafka broker killed and restarted",
                "a poison record on each topic");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.accepted()).as(row.fault() + ": commands accepted").isPositive();
            assertThat(row.notes()).as(row.fault() + ": what the audit found").isEmpty();
            assertThat(row.lost()).as(row.fault() + ": lost").isZero();
            assertThat(row.doubled()).as(row.fault() + ": doubled").isZero();
            assertThat(row.secondsToRecover()).as(row.fault() + ": recovered").isNotNegative();
        });
    }
}
