package org.lettersvisits.petition.privacy;

/**
 * The configured key-encryption keys do not fit the database: a key is missing, does not match what it sealed,
 * or data keys are wrapped under an id no longer configured. The service refuses to start with this message,
 * which names the key id and what to do.
 */
public class KeyCheckFailed extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public KeyCheckFailed(String message) {
        super(message);
    }
}
