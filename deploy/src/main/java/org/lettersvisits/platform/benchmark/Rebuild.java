package org.lettersvisits.platform.benchmark;

/** A rebuild of reporting's read models: the events in its log, how many it replayed, and at what rate. */
public record Rebuild(long storedEvents, long replayed, double perSecond) {
}
