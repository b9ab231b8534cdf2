package org.lettersvisits.petition.domain;

/** The person who petitions; only the name is required. */
public record Petitioner(String name, String idNumber, String phone, String address, String town) {
}
