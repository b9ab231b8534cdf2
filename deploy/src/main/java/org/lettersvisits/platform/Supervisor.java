package org.lettersvisits.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the platform's parts running, as Kubernetes would: a part whose process exits without being
 * asked to is started again after a back-off (1 s, doubling up to 30 s, back to 1 s once it has run
 * for a minute), and each restart is logged to the console and to {@code logs/supervisor.log}. It
 * also keeps each running part's process id in {@code run/<part>.pid}, where {@code ./platform chaos}
 * finds what to kill.
 */
final class Supervisor implements AutoCloseable {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);
    private static final Duration STABLE_AFTER = Duration.ofMinutes(1);

    /** What the supervisor knows of one watched part. */
    private static final class Watch {
        final Part part;
        int restarts;
        long upSince = System.nanoTime();
        long restartAt = -1;

        Watch(Part part) {
            this.part = part;
        }
    }

    private final PlatformSettings settings;
    private final PrintStream out;
    private final Map<String, Watch> watched = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    Supervisor(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.thread = new Thread(this::loop, "platform-supervisor");
        this.thread.setDaemon(true);
    }

    void begin() {
        thread.start();
    }

    /** Watches a part that is running now. */
    void watch(Part part) {
        watched.put(part.name(), new Watch(part));
        writePid(part);
    }

    /** Stops watching a part (it is being stopped on purpose). */
    void release(Part part) {
        watched.remove(part.name());
        deletePid(part);
    }

    private void loop() {
        while (running) {
            for (Watch watch : watched.values()) {
                check(watch);
            }
            try {
                Thread.sleep(CHECK_EVERY.toMillis()); // a deliberate, bounded check interval
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(Watch watch) {
        Part part = watch.part;
        if (part.isAlive()) {
            if (watch.restarts > 0 && System.nanoTime() - watch.upSince > STABLE_AFTER.toNanos()) {
                watch.restarts = 0;
            }
            writePid(part);
            return;
        }
        if (watch.restartAt < 0) {
            scheduleRestart(watch, part.name() + " exited unexpectedly (" + part.howItEnded() + ")");
            return;
        }
        if (System.nanoTime() < watch.restartAt || !running) {
            return;
        }
        watch.restarts++;
        watch.restartAt = -1;
        watch.upSince = System.nanoTime();
        try {
            part.stop(); // whatever is left of it
            part.start();
            writePid(part);
            log("%s started again (pid %s)", part.name(), part.pid().isPresent() ? part.pid().getAsLong() : "?");
        } catch (Exception e) {
            scheduleRestart(watch, part.name() + " could not be started again (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }

    private void scheduleRestart(Watch watch, String what) {
        long backOff = Math.min(LONGEST_BACK_OFF.toMillis(), FIRST_BACK_OFF.toMillis() << Math.min(watch.restarts, 5));
        watch.restartAt = System.nanoTime() + Duration.ofMillis(backOff).toNanos();
        log("%s; restarting in %d s (restart %d)", what, backOff / 1000, watch.restarts + 1);
    }

    private void log(String format, Object... args) {
        String line = "[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] supervisor: " + String.format(format, args);
        out.println(line);
        try {
            Files.createDirectories(settings.logDir());
            Files.writeString(settings.logDir().resolve("supervisor.log"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            out.println("supervisor: cannot write its log: " + e.getMessage());
        }
    }

    private void writePid(Part part) {
        part.pid().ifPresent(pid -> {
            Path file = settings.pidFile(part.name());
            try {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) || !Files.readString(file).trim().equals(String.valueOf(pid))) {
                    Files.writeString(file, String.valueOf(pid));
                }
            } catch (IOException e) {
                out.println("supervisor: cannot write " + file + ": " + e.getMessage());
            }
        });
    }

    private void deletePid(Part part) {
        try {
            Files.deleteIfExists(settings.pidFile(part.name()));
        } catch (IOException e) {
            out.println("supervisor: cannot delete the pid file of " + part.name() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        watched.values().forEach(w -> deletePid(w.part));
        watched.clear();
    }
}
