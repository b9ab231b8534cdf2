package org.lettersvisits.contracts.assignment;

/** Where a case stands. ASSIGNED and ACCEPTED are open; CLOSED and SUSPENDED are not. */
public enum CaseStatus {
    ASSIGNED, ACCEPTED, CLOSED, SUSPENDED;

    public boolean isOpen() {
        return this == ASSIGNED || this == ACCEPTED;
    }
}
