package org.lettersvisits.contracts.followup;

/**
 * Why a return-visit officer's call did not count as the visit: nobody answered, the number is not the petitioner's,
 * or the petitioner refused to talk. Each is a reason to try again, not an outcome of the visit.
 */
public enum NotReachedReason {
    NO_ANSWER, WRONG_NUMBER, REFUSED
}
