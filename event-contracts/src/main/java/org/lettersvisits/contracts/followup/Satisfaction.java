package org.lettersvisits.contracts.followup;

/** What the parties said at the return visit. */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
