package org.lettersvisits.petition.erasure;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the erasure ledger was read once since the start ({@link ErasureLedgerReplay}): a database restored
 * from an older backup serves nobody before the erasures made since are applied again.
 */
@Readiness
@ApplicationScoped
public class ErasureLedgerReadiness implements HealthCheck {

    private final ErasureLedgerReplay replay;
    private final boolean atStart;

    ErasureLedgerReadiness(ErasureLedgerReplay replay,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "petition.erasure.ledger.replay-at-start",
                    defaultValue = "true") boolean atStart) {
        this.replay = replay;
        this.atStart = atStart;
    }

    @Override
    public HealthCheckResponse call() {
        var last = replay.lastReplay();
        return HealthCheckResponse.named("erasure ledger").status(!atStart || last.isPresent())
                .withData("reapplied", last.map(ErasureLedgerReplay.Replayed::reapplied).orElse(-1)).build();
    }
}
