package org.lettersvisits.petition.registering;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lettersvisits.contracts.petition.Channel;
import org.lettersvisits.contracts.petition.Escalation;

/** The body of {@code POST /api/petitions}: what reception writes down. */
@Schema(name = "PetitionRequest", example = """
        {"channel": "VISIT", "receivedOn": "2026-10-14", "receivedBy": "Duty leader D",
         "petitioner": {"name": "Wang Min", "idNumber": "130100199312266955", "phone": "13942175656", "town": "Zhongguan"},
         "headcount": 2, "subject": "wage arrears lawsuit delayed", "description": "Asks why the judgment is not enforced",
         "involvesLawAndLitigation": true}""")
public record PetitionRequest(
        @NotNull Channel channel,
        @Schema(description = "Date received (committee time zone); default today; not in the future") LocalDate receivedOn,
        @Size(max = 100) String receivedBy,
        @NotNull @Valid PetitionerRequest petitioner,
        @Min(1) @Max(10000) @Schema(description = "People who came; five or more is a group visit") Integer headcount,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 4000) String description,
        @NotNull Boolean involvesLawAndLitigation,
        Escalation escalatedTo) {

    /** The petitioner: a name is required; the ID number, when given, must be valid. */
    public record PetitionerRequest(
            @NotBlank @Size(max = 100) String name,
            @ResidentIdNumber String idNumber,
            @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]*", message = "must contain only digits, spaces and + - ( )") String phone,
            @Size(max = 300) String address,
            @Size(max = 100) String town) {
    }
}
