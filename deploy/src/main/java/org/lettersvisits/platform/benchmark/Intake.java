package org.lettersvisits.platform.benchmark;

/** Registrations through the API at a number of connections: rate, latencies and failed requests. */
public record Intake(int connections, int registrations, double perSecond, double p50Millis, double p99Millis,
        int errors) {
}
