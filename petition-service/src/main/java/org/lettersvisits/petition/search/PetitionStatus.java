package org.lettersvisits.petition.search;

/** Where a petition stands; it follows its case once one is assigned. */
public enum PetitionStatus {
    REGISTERED, ASSIGNED, ACCEPTED, CLOSED, SUSPENDED
}
