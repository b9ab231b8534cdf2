package org.lettersvisits.petition.erasure;

/**
 * The legal ground of an erasure, as the erasure ledger keeps it (a fixed value, never free text, so the ledger holds
 * no personal data): PIPL art. 47, the individual's request or one of the cases in which the processor deletes.
 */
public enum LegalGround {
    /** The petitioner asked for their personal data to be deleted (PIPL art. 47, first paragraph). */
    PETITIONER_REQUEST,
    /** The purpose of the processing was achieved, cannot be achieved, or no longer needs the data (art. 47(1)). */
    PURPOSE_ACHIEVED,
    /** The retention period ran out (art. 47(2)). */
    RETENTION_EXPIRED,
    /** The petitioner withdrew the consent the processing rested on (art. 47(3)). */
    CONSENT_WITHDRAWN,
    /** The data was processed in breach of a law, regulation or agreement (art. 47(4)). */
    UNLAWFUL_PROCESSING,
    /** Another case laid down by a law or administrative regulation (art. 47(5)). */
    OTHER_LEGAL_GROUND
}
