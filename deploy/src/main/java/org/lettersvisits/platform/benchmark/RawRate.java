package org.lettersvisits.platform.benchmark;

/** A limit measured beside the product on the same server: operations per second and their latencies. */
public record RawRate(String what, int connections, int operations, double perSecond, double p50Millis,
        double p99Millis) {
}
