package org.lettersvisits.contracts.petition;

/** Where a petition was escalated to, beyond the municipality. */
public enum Escalation {
    PROVINCE, CAPITAL
}
