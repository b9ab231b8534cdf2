package org.lettersvisits.assignment.assigning;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.Difficulty;

/** The body of {@code POST /api/cases}: the enlarged meeting's decision. */
@Schema(name = "AssignRequest", example = """
        {"petitionId": "3f1c2a9e-8d4b-4f43-9a51-0c2f7f1d2b11", "department": "PUBLIC_SECURITY",
         "responsibleLeader": "Deputy Director Zhang", "difficulty": "DIFFICULT", "assignedOn": "2026-10-17"}""")
public record AssignRequest(
        @NotNull UUID petitionId,
        @NotNull Department department,
        @NotBlank @Size(max = 100) String responsibleLeader,
        @Schema(description = "Default ROUTINE") Difficulty difficulty,
        @Schema(description = "Overrides the policy; not before assignedOn") LocalDate deadline,
        @Schema(description = "Default today; not in the future") LocalDate assignedOn) {
}
