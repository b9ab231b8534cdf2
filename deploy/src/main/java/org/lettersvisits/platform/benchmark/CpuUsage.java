package org.lettersvisits.platform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lettersvisits.platform.PlatformSettings;

/**
 * CPU time used by each part of the platform (from {@code /proc/<pid>/stat}: user + system), summed over its
 * processes: each service's instances, the Kafka broker, PostgreSQL's server and backends, Keycloak, and the
 * benchmark's own JVM. Two readings around a load say where the machine's cores went, per registration.
 */
final class CpuUsage {

    /** Clock ticks per second of {@code /proc} times on Linux. */
    private static final double TICKS = 100.0;

    private CpuUsage() {
    }

    /** CPU seconds used so far by each part. */
    static Map<String, Double> read(PlatformSettings settings) {
        Map<String, Double> seconds = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            String part = partOf(settings, process, self);
            if (part != null) {
                seconds.merge(part, cpuSeconds(process.pid()), Double::sum);
            }
        });
        return seconds;
    }

    /** What each part used between two readings, in milliseconds per {@code operations}. */
    static Map<String, Double> perOperation(Map<String, Double> before, Map<String, Double> after, int operations) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((part, total) -> used.put(part, (total - before.getOrDefault(part, 0.0)) * 1000 / operations));
        return used;
    }

    private static String partOf(PlatformSettings settings, ProcessHandle process, long self) {
        if (process.pid() == self) {
            return "benchmark client";
        }
        String command = process.info().command().orElse("");
        List<String> arguments = arguments(process.pid());
        for (PlatformSettings.Service service : settings.services()) {
            if (arguments.contains(settings.serviceJar(service).toString())) {
                return service.module();
            }
        }
        if (arguments.contains("kafka.Kafka")) {
            return "kafka";
        }
        if (command.endsWith("/postgres") && command.startsWith(settings.dataDir().toString())) {
            return "postgresql";
        }
        if (arguments.stream().anyMatch(a -> a.contains("keycloak"))) {
            return "keycloak";
        }
        return null;
    }

    /** The process's command line from {@code /proc} (ProcessHandle's is cut short for long class paths). */
    static List<String> arguments(long pid) {
        try {
            return List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0"));
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS; // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
