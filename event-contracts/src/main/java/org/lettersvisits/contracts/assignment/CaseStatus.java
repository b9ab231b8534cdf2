package org.lettersvisits.contracts.assignment;

/**
 * Where a case stands. ASSIGNED and ACCEPTED are open (still being worked, so they can be overdue); CLOSED counts as
 * closed; SUSPENDED is neither. {@link CaseRules} states the rules built on this, once for every service.
 */
public enum CaseStatus {
    ASSIGNED, ACCEPTED, CLOSED, SUSPENDED;

    /** Still being worked by its department: assigned or accepted. */
    public boolean isOpen() {
        return this == ASSIGNED || this == ACCEPTED;
    }

    /** Counted as closed in queues, figures and reports. */
    public boolean countsAsClosed() {
        return this == CLOSED;
    }
}
