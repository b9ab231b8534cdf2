package org.lettersvisits.petition.registering;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/petitions/{id}/visits}: the petitioner came again. */
@Schema(name = "VisitRequest", example = """
        {"receivedOn": "2026-11-04", "receivedBy": "Duty leader D", "note": "asks about progress"}""")
public record VisitRequest(
        @Schema(description = "Default today; not in the future") LocalDate receivedOn,
        @Size(max = 100) String receivedBy,
        @Size(max = 2000) String note) {
}
