package org.lettersvisits.platform.benchmark;

/**
 * Registrations sent at a steady rate and how long each took to reach the leader's figures: the rate asked for
 * and the one reached, the lag's p50 and p99, refused requests.
 */
public record Lag(int targetPerSecond, int registrations, double perSecond, double p50Millis, double p99Millis,
        int errors) {
}
