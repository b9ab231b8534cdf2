package org.lettersvisits.petition.erasure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an erasure: why the petitioner's personal data is erased (the request, the law). */
public record ErasureRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Petitioner's request of 2026-11-20 under PIPL art. 47") String reason) {
}
