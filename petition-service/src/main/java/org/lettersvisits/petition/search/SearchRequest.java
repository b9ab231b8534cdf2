package org.lettersvisits.petition.search;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/petitions/search}: a search that may name a resident ID number or a petitioner's
 * name, which travel in a body and never in a URL (URLs end up in access logs, browser histories and proxies).
 */
@Schema(name = "SearchRequest", example = """
        {"q": "王", "town": "Zhongguan", "receivedFrom": "2026-01-01", "receivedTo": "2026-06-30", "page": 0, "size": 20}""")
public record SearchRequest(
        @Size(max = 200) @Schema(description = "A case number (exactly, also without XF-), or part of the petitioner's "
                + "name or the subject; results are ranked and say why they matched") String q,
        @Size(max = 18) @Schema(description = "Matches the whole resident ID number exactly") String idNumber,
        @Schema(implementation = PetitionStatus.class) String status,
        @Size(max = 100) @Schema(description = "The petitioner's town, exactly") String town,
        @Schema(description = "The department holding the case: PUBLIC_SECURITY, PROCURATORATE, COURT, JUSTICE_BUREAU") String department,
        @Schema(description = "Received on or after") LocalDate receivedFrom,
        @Schema(description = "Received on or before") LocalDate receivedTo,
        @Schema(description = "true: only petitions whose written notice of acceptance is late (none recorded, its 15 "
                + "days past)") Boolean noticeLate,
        @Min(0) Integer page,
        @Min(1) @Max(100) @Schema(description = "1 to 100; a page beyond the first 10,000 items is refused") Integer size,
        @Schema(description = "Without q: the next value of the previous page, for deep pages (keyset paging)") String after) {
}
