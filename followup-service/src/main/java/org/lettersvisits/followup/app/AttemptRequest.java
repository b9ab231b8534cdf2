package org.lettersvisits.followup.app;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lettersvisits.contracts.followup.NotReachedReason;

/** The body of {@code POST /api/return-visits/{id}/attempts}: a call that did not reach the petitioner, and why. */
@Schema(name = "AttemptRequest", example = """
        {"attemptedOn": "2026-11-21", "reason": "NO_ANSWER", "notes": "rang twice, about 10:00 and 15:30"}""")
public record AttemptRequest(
        @Schema(description = "Default today; not before the closing date, not in the future (else 422)") LocalDate attemptedOn,
        @Size(max = 100) @Schema(description = "Default: the signed-in user's name") String visitor,
        @NotNull @Schema(description = "NO_ANSWER, WRONG_NUMBER or REFUSED (the petitioner refused to talk)")
        NotReachedReason reason,
        @Size(max = 4000) @Schema(description = "Free text about the petitioner: sealed in the events, not kept in the "
                + "worklist") String notes) {
}
