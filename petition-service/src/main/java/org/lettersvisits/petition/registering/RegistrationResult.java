package org.lettersvisits.petition.registering;

import java.util.UUID;

/** The answer to a registration: what reception tells the petitioner. */
public record RegistrationResult(UUID id, String caseNumber, String status, boolean jointVisitDay, int version) {
}
