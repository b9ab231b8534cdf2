package org.lettersvisits.platform.benchmark;

import java.util.Arrays;

/** Latencies of one load, in nanoseconds, and their percentiles. */
final class Latencies {

    private final long[] nanos;
    private int size;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void add(long elapsedNanos) {
        nanos[size++] = elapsedNanos;
    }

    /** The {@code percent} percentile in milliseconds (nearest rank), 0 when nothing was measured. */
    synchronized double percentileMillis(double percent) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * size) - 1;
        return sorted[Math.max(0, Math.min(rank, size - 1))] / 1e6;
    }
}
