package org.lettersvisits.petition.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/petitions/search}: a search that may name a resident ID number, which
 * travels in a body and never in a URL (URLs end up in access logs, browser histories and proxies).
 */
@Schema(name = "SearchRequest", example = """
        {"idNumber": "130100199312266955", "page": 0, "size": 20}""")
public record SearchRequest(
        @Size(max = 200) @Schema(description = "Subject, petitioner name or case number") String q,
        @Size(max = 18) @Schema(description = "Matches the whole resident ID number exactly") String idNumber,
        @Schema(implementation = PetitionStatus.class) String status,
        @Min(0) Integer page,
        @Min(1) @Max(100) @Schema(description = "1 to 100; a page beyond the first 10,000 items is refused") Integer size) {
}
