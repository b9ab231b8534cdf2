package org.lettersvisits.petition.app;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/petitions/contacts}: the petitions of a worklist page whose petitioners it names. At most
 * a hundred, a page's worth, so one call never lists the city's petitioners.
 */
@Schema(name = "ContactsRequest", example = """
        {"petitionIds": ["4f9c2d7e-8a41-4c1e-9d55-2b7f0e6a1c3d"]}""")
public record ContactsRequest(
        @NotNull @Size(min = 1, max = 100) @Schema(description = "1 to 100 petition ids; ids repeated count once")
        List<@NotNull UUID> petitionIds) {
}
