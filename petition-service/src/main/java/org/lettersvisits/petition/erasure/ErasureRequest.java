package org.lettersvisits.petition.erasure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of an erasure: why the petitioner's personal data is erased. {@code reason} is free text (the request,
 * the law) and stays in the event store only; {@code legalGround} is what the erasure ledger records, by default
 * {@link LegalGround#PETITIONER_REQUEST} (this is erasure on request).
 */
public record ErasureRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Petitioner's request of 2026-11-20 under PIPL art. 47") String reason,
        @Schema(description = "The legal ground the erasure ledger records; PETITIONER_REQUEST when left out")
        LegalGround legalGround) {

    /** The legal ground given, else the petitioner's request. */
    public LegalGround groundOrDefault() {
        return legalGround == null ? LegalGround.PETITIONER_REQUEST : legalGround;
    }
}
