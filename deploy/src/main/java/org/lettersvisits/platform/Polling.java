package org.lettersvisits.platform;

import java.io.IOException;
import java.time.Duration;

/** Waits for something the platform does eventually (an event reaching another service), within a limit. */
public final class Polling {

    /** A check that may call the platform. */
    @FunctionalInterface
    public interface Check {
        boolean done() throws IOException, InterruptedException;
    }

    private Polling() {
    }

    /** Checks every {@code interval} until {@code check} is done; fails after {@code timeout}. */
    public static void until(String what, Duration timeout, Duration interval, Check check)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(interval.toMillis()); // a deliberate, bounded poll interval
        }
    }
}
