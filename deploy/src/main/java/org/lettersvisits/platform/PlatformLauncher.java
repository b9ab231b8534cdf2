package org.lettersvisits.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the local platform as separate processes and stops it again: first PostgreSQL, the Kafka
 * broker, Keycloak and a {@link TraceCollector} side by side, then the {@link AnchorArchive} and the four services
 * once those are ready. While it waits it
 * says what is starting and how long it has taken. If a part fails, {@link #start()} throws with the
 * part's name and log; once all are ready, a {@link Supervisor} restarts any part that exits
 * unexpectedly; {@link #close()} stops whatever was started, in reverse order.
 * {@code ./platform up} and the end-to-end tests use this same class.
 */
public final class PlatformLauncher implements AutoCloseable {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final PlatformSettings settings;
    private final PrintStream out;
    private final List<Part> started = new ArrayList<>();
    private final TraceCollector traces;
    private Supervisor supervisor;
    private long startNanos;

    public PlatformLauncher(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.traces = new TraceCollector(settings);
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** The spans of one trace that the services have exported to the launcher's collector so far. */
    public List<OtlpSpans.Span> trace(String traceId) {
        return traces.trace(traceId);
    }

    /** Deletes the data folder: Kafka's and PostgreSQL's data and the logs. */
    public void wipeData() throws IOException {
        if (Files.exists(settings.dataDir())) {
            try (Stream<Path> paths = Files.walk(settings.dataDir())) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        out.println("wiped " + settings.dataDir());
    }

    /**
     * Starts PostgreSQL, Kafka and Keycloak only, supervised, for services run in dev mode
     * ({@code ./mvnw quarkus:dev -pl petition-service}, ...) against them; returns once they are ready.
     */
    public synchronized void startInfrastructure() throws PartFailedException {
        startNanos = System.nanoTime();
        out.println("data and logs: " + settings.dataDir());
        LocalSecrets.anchorKeys(settings); // for the services run in dev mode (./platform dev-env SERVICE)
        startAndAwait(List.of(traces, new KeycloakPart(settings), new KafkaPart(settings), new PostgresPart(settings),
                new MailCatcherPart(settings)),
                INFRASTRUCTURE_TIMEOUT);
        startAndAwait(List.of(new AnchorArchive(settings)), INFRASTRUCTURE_TIMEOUT);
        supervisor = new Supervisor(settings, out);
        started.forEach(supervisor::watch);
        supervisor.begin();
        out.printf("%nThe infrastructure is ready after %s:%n", elapsed());
        started.forEach(p -> out.printf("  %-20s %s%n", p.name(), p.endpoint()));
        out.println();
        out.println("Run a service with live reload against it (after ./mvnw install -DskipTests once):");
        out.println("  eval \"$(./platform dev-env petition-service)\"; ./mvnw quarkus:dev -pl petition-service");
        out.println("  (likewise assignment-, followup-, reporting-service: each connects as its own database role)");
    }

    /** Starts everything and returns once every part is ready. */
    public synchronized void start() throws PartFailedException {
        startNanos = System.nanoTime();
        out.println("data and logs: " + settings.dataDir());
        startAndAwait(List.of(traces, new KeycloakPart(settings), new KafkaPart(settings), new PostgresPart(settings),
                new MailCatcherPart(settings)),
                INFRASTRUCTURE_TIMEOUT);
        startAndAwait(List.of(new AnchorArchive(settings)), INFRASTRUCTURE_TIMEOUT);
        startAndAwait(settings.services().stream().flatMap(s -> settings.instancesOf(s).stream())
                .<Part>map(instance -> new ServicePart(settings, instance)).toList(), SERVICE_TIMEOUT);
        if (settings.replicas() > 1) {
            startAndAwait(settings.services().stream().<Part>map(s -> new ServiceBalancer(settings, s)).toList(),
                    SERVICE_TIMEOUT);
        }
        supervisor = new Supervisor(settings, out);
        started.forEach(supervisor::watch);
        supervisor.begin();
        retireOldTopics();
        out.printf("%nLetters & Visits is ready after %s:%n", elapsed());
        started.forEach(p -> out.printf("  %-20s %s%n", p.name(), p.endpoint()));
        out.println();
        out.println("Sample users (password = user name): reception1, supervisor1, leader1, deptleader1 (leader of public");
        out.println("  security), followup1, police1, procurator1, judge1, justice1, admin1. Token for scripts: client");
        out.println("  petitions-cli, password grant (this development realm only; the production realm has none).");
        out.println("PostgreSQL: psql -h localhost -p " + settings.postgresPort() + " -U postgres (password: "
                + settings.postgresPasswordFile() + ")");
    }

    /**
     * Deletes the topic versions that may still hold personal data, once this version's services run
     * (docs/security.md, "Topic versions"); a platform started fresh has none.
     */
    private void retireOldTopics() {
        try {
            new RetiredTopics(settings, out).retire(Duration.ofMinutes(2));
        } catch (Exception e) {
            out.println("could not retire the old topic versions yet (" + e + "); ./platform up tries again");
        }
    }

    private void startAndAwait(List<Part> parts, Duration timeout) throws PartFailedException {
        for (Part part : parts) {
            out.printf("[%s] starting %s%n", elapsed(), part.name());
            started.add(part);
            try {
                part.start();
            } catch (Exception e) {
                throw new PartFailedException(part, String.valueOf(e.getMessage()));
            }
        }
        Set<Part> waiting = new LinkedHashSet<>(parts);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (!waiting.isEmpty()) {
            for (Part part : List.copyOf(waiting)) {
                if (part.isReady()) {
                    out.printf("[%s] %s is ready%n", elapsed(), part.name());
                    waiting.remove(part);
                } else if (!part.isAlive()) {
                    throw new PartFailedException(part, "its process exited");
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new PartFailedException(waiting.iterator().next(), "not ready after " + timeout.toSeconds() + " s");
            }
            if (System.nanoTime() > nextProgress) {
                out.printf("[%s] waiting for %s%n", elapsed(),
                        waiting.stream().map(Part::name).collect(Collectors.joining(", ")));
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            pause();
        }
    }

    /** A deliberate, bounded poll interval between readiness checks. */
    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the platform", e);
        }
    }

    private String elapsed() {
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** Stops every instance of one running service (to see how the others and its own restart cope). */
    public synchronized void stopService(String module) {
        for (Part instance : instances(module)) {
            if (supervisor != null) {
                supervisor.release(instance);
            }
            instance.stop();
        }
        out.println("stopped " + module);
    }

    /** Starts the instances of a stopped service again and waits until they are ready. */
    public synchronized void startService(String module) throws PartFailedException {
        for (Part instance : instances(module)) {
            try {
                instance.start();
            } catch (Exception e) {
                throw new PartFailedException(instance, String.valueOf(e.getMessage()));
            }
        }
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        for (Part instance : instances(module)) {
            while (!instance.isReady()) {
                if (!instance.isAlive() || System.nanoTime() > deadline) {
                    throw new PartFailedException(instance, "not ready after a restart");
                }
                pause();
            }
            if (supervisor != null) {
                supervisor.watch(instance);
            }
        }
        out.println("restarted " + module);
    }

    private List<Part> instances(String module) {
        List<Part> instances = started.stream()
                .filter(p -> p instanceof ServicePart service && service.module().equals(module)).toList();
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no running service " + module);
        }
        return instances;
    }

    /** Stops every part that was started, the last started first. */
    @Override
    public synchronized void close() {
        if (supervisor != null) {
            supervisor.close();
            supervisor = null;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            Part part = started.get(i);
            out.println("stopping " + part.name());
            part.stop();
        }
        started.clear();
    }
}
