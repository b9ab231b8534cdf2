package org.lettersvisits.petition.app;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/petitions/{id}/acceptance-notice}: the written notice sent to the petitioner, and its answer. */
@Schema(name = "AcceptanceNoticeRequest", example = "{\"accepted\": true, \"sentOn\": \"2026-10-20\"}")
public record AcceptanceNoticeRequest(
        @NotNull @Schema(description = "Whether the matter is accepted") Boolean accepted,
        @Schema(description = "Default today; not in the future, not before the day received") LocalDate sentOn,
        @Size(max = 2000) String note) {
}
