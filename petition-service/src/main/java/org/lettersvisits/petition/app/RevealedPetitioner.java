package org.lettersvisits.petition.app;

/**
 * {@code POST /api/petitions/{id}/petitioner/reveal}: the petitioner's phone and address whole, to call or visit them.
 * Only these two, for the moment they are needed: the case file shows them masked, and every reveal is recorded.
 */
public record RevealedPetitioner(String phone, String address) {
}
