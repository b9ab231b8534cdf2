package org.lettersvisits.platform;

/** A part of the platform did not start: says which one, why, and where its log is. */
public class PartFailedException extends Exception {

    public PartFailedException(Part part, String reason) {
        super(part.name() + " failed to start: " + reason + " (log: " + part.logFile() + ")");
    }
}
