package org.lettersvisits.platform;

import java.nio.file.Path;
import java.util.OptionalLong;

/** One thing the local platform runs: PostgreSQL, the Kafka broker, Keycloak or a service. */
interface Part {

    String name();

    /** Starts the part without waiting for it to be ready. */
    void start() throws Exception;

    /** Whether the part answers as it should (a cheap check, called repeatedly). */
    boolean isReady();

    /** Whether the part's process is still running. */
    boolean isAlive();

    /** Stops the part and waits for it to end. Safe to call on a part that never started. */
    void stop();

    /** The operating-system process of the part while it runs (a fault injector signals it). */
    default OptionalLong pid() {
        return OptionalLong.empty();
    }

    /** How the part's process ended, for the supervisor's log (e.g. "exit code 137"). */
    default String howItEnded() {
        return "its process is gone";
    }

    /** Where the part writes its output. */
    Path logFile();

    /** What to print once the part is ready, e.g. its URL. */
    String endpoint();
}
