package org.lettersvisits.platform.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.lettersvisits.platform.ApiClient;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.platform.PlatformSettings;

/**
 * {@code ./platform chaos [--replicas N] [--short] [--only TEXT] [--workers N]}: against a running platform, a steady load of whole
 * lifecycles through the APIs while faults are injected one at a time (every 4th reopens: closed, visited
 * dissatisfied, reopened, closed again). After each fault it waits for quiet and audits (see {@link Audit}),
 * then prints a row: fault, commands accepted, counted, lost, doubled, lifecycles reopened and closed again,
 * 409s answered to the driver, and seconds from the end of the fault until the first audit that found
 * everything in place began (an upper bound: audits begin once the lifecycles under way have finished).
 * The driver never sends {@code If-Match}, so every 409 is one the user did not cause: each is listed under
 * its row and fails the run. "Doubled" counts what a duplicate could inflate (see {@link Audit}): petitions
 * registered beyond the registrations accepted, events in a case's history beyond the commands accepted for it,
 * return visits beyond a case's closures; the table's footnote says so, and what it cannot see.
 */
public final class ChaosRun {

    private static final Duration BEFORE_FAULT = Duration.ofSeconds(5);
    private static final Duration AFTER_FAULT = Duration.ofSeconds(5);
    private static final Duration VISIT_WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET_WITHIN = Duration.ofMinutes(3);
    private static final Duration AUDIT_EVERY = Duration.ofSeconds(2);

    /**
     * One line of the table; {@code reopened} the lifecycles that were reopened by their return visit and closed
     * again, {@code conflicts} every 409 the driver was answered (none is one the user caused).
     */
    public record Row(String fault, int lifecycles, long accepted, long counted, long lost, long doubled,
            long secondsToRecover, List<String> notes, List<String> observations, long reopened, List<String> conflicts) {
    }

    private final PlatformSettings settings;
    private final PrintStream out;
    private final int workers;

    public ChaosRun(PlatformSettings settings, PrintStream out, int workers) {
        this.settings = settings;
        this.out = out;
        this.workers = workers;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error"); // the audit's short-lived consumers
        List<String> arguments = List.of(args);
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        if (arguments.contains("--replicas")) { // as the platform was started: ./platform up --replicas N
            settings = settings.withReplicas(Integer.parseInt(arguments.get(arguments.indexOf("--replicas") + 1)));
        }
        int workers = arguments.contains("--workers") ? Integer.parseInt(arguments.get(arguments.indexOf("--workers") + 1)) : 3;
        String only = arguments.contains("--only") ? arguments.get(arguments.indexOf("--only") + 1) : "";
        List<Row> rows = new ChaosRun(settings, System.out, workers).run(arguments.contains("--short"), only);
        System.exit(rows.stream().allMatch(r -> r.lost() == 0 && r.doubled() == 0 && r.notes().isEmpty()
                && r.conflicts().isEmpty()) ? 0 : 1);
    }

    /** Runs every fault (or the shortened list) and returns the table it printed. */
    public List<Row> run(boolean shortened) throws Exception {
        return run(shortened, "");
    }

    /** Runs the faults (of the full or the shortened list) whose name contains {@code only}. */
    public List<Row> run(boolean shortened, String only) throws Exception {
        ApiClient api = new ApiClient(settings);
        Infrastructure infrastructure = new Infrastructure(settings, api);
        Map<String, Set<String>> poison = new ConcurrentHashMap<>();
        Topics.CONSUMING_SERVICES.forEach(service -> poison.put(service, ConcurrentHashMap.newKeySet()));
        List<Fault> faults = (shortened ? Faults.shortened(settings, poison) : Faults.all(settings, poison)).stream()
                .filter(f -> f.name().contains(only)).toList();
        Audit audit = new Audit(api);
        audit.takeBaseline();
        out.printf("chaos: %d fault(s), %d workers of whole lifecycles, %d instance(s) of every service; business dates "
                + "in %s%n", faults.size(), workers, settings.replicas(), Lifecycle.YEAR);

        AtomicInteger numbers = new AtomicInteger();
        List<Lifecycle> all = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        long lostBefore = 0;
        for (Fault fault : faults) {
            Load load = new Load(api, workers, VISIT_WAIT, numbers);
            load.start();
            Thread.sleep(BEFORE_FAULT.toMillis()); // the load runs on a healthy platform first
            out.printf("chaos: %s%n", fault.name());
            String faultFailed = null;
            try {
                fault.inject(infrastructure);
            } catch (Exception e) {
                faultFailed = "the fault did not end as it should: " + e.getMessage();
            }
            long faultEnded = System.nanoTime();
            Thread.sleep(AFTER_FAULT.toMillis()); // and goes on once the fault is over
            load.stop();
            load.awaitInFlight();
            out.printf("chaos: load drained %d s after the fault ended%n",
                    Duration.ofNanos(System.nanoTime() - faultEnded).toSeconds());
            List<Lifecycle> phase = load.lifecycles();
            all.addAll(phase);

            Quiet quiet = awaitQuiet(audit, all, phase, poison);
            Audit.Findings findings = quiet.findings();
            long recovered = Duration.ofNanos(quiet.since() - faultEnded).toSeconds();
            long accepted = phase.stream().mapToLong(Lifecycle::acceptedCommands).sum();
            List<String> notes = new ArrayList<>(findings.notes());
            if (faultFailed != null) {
                notes.add(0, faultFailed);
            }
            phase.stream().filter(l -> l.unanswered != null).forEach(l -> notes.add("unanswered: " + l.unanswered));
            long reopened = phase.stream().filter(l -> l.reopened && l.closures == 2).count();
            List<String> conflicts = phase.stream().flatMap(l -> l.commands.conflicts().stream()).toList();
            Row row = new Row(fault.name(), phase.size(), accepted, accepted - Math.max(0, findings.lost() - lostBefore),
                    findings.lost(), findings.doubled(), findings.clean() && faultFailed == null ? recovered : -1, notes,
                    infrastructure.takeObservations(), reopened, conflicts);
            lostBefore = findings.lost();
            rows.add(row);
            out.printf("chaos: %s: %d lifecycles (%d reopened and closed again), %d commands accepted, %d lost, %d doubled,"
                    + " %d 409(s), %s%n", row.fault(), row.lifecycles(), row.reopened(), row.accepted(), row.lost(), row.doubled(),
                    row.conflicts().size(),
                    row.secondsToRecover() < 0 ? "NOT recovered" : "recovered in " + row.secondsToRecover() + " s");
            notes.forEach(note -> out.println("  " + note));
            conflicts.forEach(conflict -> out.println("  409 the user did not cause: " + conflict));
            row.observations().forEach(observation -> out.println("  observed: " + observation));
        }
        printTable(rows);
        return rows;
    }

    /** The last audit's findings, and when that audit began (System.nanoTime). */
    private record Quiet(Audit.Findings findings, long since) {
    }

    /**
     * Audits until clean (completing return visits that arrived late), or until {@link #QUIET_WITHIN}
     * has passed. A clean audit shows the platform was in order when it began.
     */
    private Quiet awaitQuiet(Audit audit, List<Lifecycle> all, List<Lifecycle> phase, Map<String, Set<String>> poison)
            throws Exception {
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        while (true) {
            audit.completeOutstandingFollowUps(phase);
            long began = System.nanoTime();
            Audit.Findings findings = audit.check(all, phase, poison);
            if (findings.clean() || System.nanoTime() > deadline) {
                return new Quiet(findings, began);
            }
            out.printf("chaos: not in place yet: %s%n", findings.notes().isEmpty() ? "" : findings.notes().get(0));
            Thread.sleep(AUDIT_EVERY.toMillis()); // a deliberate, bounded poll interval
        }
    }

    private void printTable(List<Row> rows) {
        out.println();
        out.println("| fault | lifecycles | reopened | commands accepted | counted | lost | doubled | 409s | recovered in |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %s |%n", row.fault(), row.lifecycles(), row.reopened(),
                    row.accepted(), row.counted(), row.lost(), row.doubled(), row.conflicts().size(),
                    row.secondsToRecover() < 0 ? "not recovered" : row.secondsToRecover() + " s");
        }
        out.printf("%nchaos: %d lifecycles, %d reopened and closed again, %d commands accepted, %d lost, %d doubled,"
                + " %d 409(s) the user did not cause%n", rows.stream().mapToInt(Row::lifecycles).sum(),
                rows.stream().mapToLong(Row::reopened).sum(), rows.stream().mapToLong(Row::accepted).sum(),
                rows.stream().mapToLong(Row::lost).max().orElse(0), rows.stream().mapToLong(Row::doubled).max().orElse(0),
                rows.stream().mapToInt(r -> r.conflicts().size()).sum());
        out.println("chaos: doubled = petitions registered beyond the registrations accepted, events in a case's history"
                + " beyond the commands accepted for it, return visits beyond a case's closures. Not visible here: a"
                + " consumer applying an event twice (every read model is keyed by id, so it changes nothing); the"
                + " services' consumer tests check that a redelivery is recognised.");
    }
}
