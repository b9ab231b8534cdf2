package org.lettersvisits.contracts.petition;

/** How a petition reached the committee. */
public enum Channel {
    VISIT, LETTER, PHONE, ONLINE
}
