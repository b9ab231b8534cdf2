package org.lettersvisits.platform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lettersvisits.platform.PlatformSettings;

/**
 * Each running service instance's resident memory (from {@code /proc}) and how long its last start took (the
 * "started in" line of its log), measured last, after the load.
 */
public record ServiceFootprint(String service, String instance, long pid, double rssMegabytes, Double startSeconds) {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    static List<ServiceFootprint> ofRunning(PlatformSettings settings) throws IOException {
        List<ServiceFootprint> found = new ArrayList<>();
        for (PlatformSettings.Service service : settings.services()) {
            String jar = settings.serviceJar(service).toString();
            for (PlatformSettings.Instance instance : settings.instancesOf(service)) {
                Optional<ProcessHandle> process = ProcessHandle.allProcesses()
                        .filter(p -> CpuUsage.arguments(p.pid()).contains(jar))
                        .filter(p -> environmentPort(p).map(port -> port == instance.port()).orElse(true)).findFirst();
                if (process.isPresent()) {
                    found.add(new ServiceFootprint(service.module(), instance.name(), process.get().pid(),
                            rss(process.get().pid()), startSeconds(settings.logDir().resolve(instance.name() + ".log"))));
                }
            }
        }
        return found;
    }

    private static Optional<Integer> environmentPort(ProcessHandle process) {
        try {
            String environment = Files.readString(Path.of("/proc/" + process.pid() + "/environ"));
            Matcher port = Pattern.compile("QUARKUS_HTTP_PORT=(\\d+)").matcher(environment);
            return port.find() ? Optional.of(Integer.parseInt(port.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static double rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return 0;
    }

    private static Double startSeconds(Path log) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        Double last = null;
        for (String line : Files.readAllLines(log)) {
            Matcher started = STARTED.matcher(line);
            if (started.find()) {
                last = Double.parseDouble(started.group(1));
            }
        }
        return last;
    }
}
