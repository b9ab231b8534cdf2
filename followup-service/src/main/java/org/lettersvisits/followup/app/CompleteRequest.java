package org.lettersvisits.followup.app;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lettersvisits.contracts.followup.Satisfaction;

/** The body of {@code POST /api/return-visits/{id}/complete}: what the return-visit officer found. */
@Schema(name = "CompleteRequest", example = """
        {"visitedOn": "2026-11-25", "visitor": "Visitor S", "satisfaction": "DISSATISFIED",
         "petitionerWithdraws": false, "notes": "still disputes the amount", "reopen": true}""")
public record CompleteRequest(
        @Schema(description = "Default today; not in the future") LocalDate visitedOn,
        @NotBlank @Size(max = 100) String visitor,
        @NotNull Satisfaction satisfaction,
        @NotNull @Schema(description = "The parties stop the lawsuit and drop the visit") Boolean petitionerWithdraws,
        @Size(max = 4000) String notes,
        @Schema(description = "Send the case back to its department; only with DISSATISFIED") Boolean reopen) {
}
