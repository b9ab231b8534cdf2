package org.lettersvisits.platform.chaos;

/**
 * One fault injected into a running platform. {@link #inject} breaks something, keeps it broken for
 * the fault's length, and returns once the broken part is back (restarted by the launcher's
 * supervisor, or repaired by the fault itself).
 */
interface Fault {

    /** How the fault reads in the table, e.g. "kill -9 followup-service". */
    String name();

    void inject(Infrastructure infrastructure) throws Exception;
}
