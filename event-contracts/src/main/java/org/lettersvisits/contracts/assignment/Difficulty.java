package org.lettersvisits.contracts.assignment;

/** Routine cases are solved within days; difficult ones by mid-December. */
public enum Difficulty {
    ROUTINE, DIFFICULT
}
