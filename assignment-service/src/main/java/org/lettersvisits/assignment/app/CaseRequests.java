package org.lettersvisits.assignment.app;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lettersvisits.contracts.Department;

/** The bodies of the case transitions. */
public final class CaseRequests {

    private CaseRequests() {
    }

    @Schema(name = "CloseRequest", example = "{\"resolution\": \"resolved according to law\", \"closedOn\": \"2026-11-20\"}")
    public record Close(@NotBlank @Size(max = 2000) String resolution, LocalDate closedOn) {
    }

    @Schema(name = "SuspendRequest", example = "{\"reason\": \"petitioner withdrew the lawsuit\", \"suspendedOn\": \"2026-11-20\"}")
    public record Suspend(@NotBlank @Size(max = 2000) String reason, LocalDate suspendedOn) {
    }

    @Schema(name = "TransferRequest", example = "{\"department\": \"COURT\", \"reason\": \"the dispute is before the court\"}")
    public record Transfer(@NotNull Department department, @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "DeadlineRequest", example = "{\"deadline\": \"2026-12-15\", \"reason\": \"expert opinion pending\"}")
    public record Deadline(@NotNull LocalDate deadline, @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ExtensionRequest", example = "{\"days\": 30, \"reason\": \"expert appraisal of the injury pending\"}")
    public record Extension(@NotNull @Min(1) Integer days, @NotBlank @Size(max = 2000) String reason, LocalDate extendedOn) {
    }

    @Schema(name = "ReviewRequest", example = "{\"requestedOn\": \"2026-11-20\", \"reason\": \"the petitioner disputes the compensation\"}")
    public record Review(LocalDate requestedOn, @NotBlank @Size(max = 2000) String reason) {
    }
}
