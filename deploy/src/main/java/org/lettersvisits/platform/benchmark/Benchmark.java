package org.lettersvisits.platform.benchmark;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lettersvisits.platform.PlatformSettings;
import org.lettersvisits.platform.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code ./platform benchmark [--count N] [--history EVENTS] [--smoke]}: against a running platform, intake through
 * {@code POST /api/petitions} at 1, 8 and 32 connections, and in the same run the limits beside it on the same
 * servers (a single-row insert and commit on the platform's PostgreSQL, in a scratch database; the raw Kafka
 * producer on its broker), the CPU each part of the platform spends per registration, then each service's
 * resident memory and start time. Prints one table with ratios and writes it as JSON
 * ({@code .platform-data/benchmark/latest.json} and a copy per run). {@code --history} first loads
 * petition-service's event store in bulk up to that many events, to show what stored history costs each
 * registration. A measurement, not a test: nothing is asserted; {@code --smoke} runs tiny counts so the build can
 * keep the command from rotting.
 */
public final class Benchmark {

    /** What one run measured. */
    public record Report(String at, long storedEvents, Map<String, String> postgres, List<Intake> intake,
            List<RawRate> rawInsert, RawRate rawKafka, Map<String, Double> cpuMillisPerRegistration, List<Lag> reportLag,
            List<Drain> drains, Rebuild rebuild, List<ServiceFootprint> services, Map<String, Double> ratios) {
    }

    /** How much each measurement does. */
    public record Sizes(int registrations, List<Integer> lagRates, int lagSeconds, int backlog, long rebuildEvents) {

        /** The command's options: {@code --count}, {@code --backlog}, {@code --rebuild}; {@code --smoke} for tiny ones. */
        static Sizes of(List<String> arguments) {
            boolean smoke = arguments.contains("--smoke");
            return new Sizes(option(arguments, "--count", smoke ? 40 : 2000), smoke ? List.of(10) : List.of(50, 200),
                    smoke ? 2 : 20, option(arguments, "--backlog", smoke ? 400 : 100_000),
                    option(arguments, "--rebuild", smoke ? 0 : 1_000_000));
        }

        private static int option(List<String> arguments, String name, int otherwise) {
            int at = arguments.indexOf(name);
            return at < 0 ? otherwise : Integer.parseInt(arguments.get(at + 1));
        }
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        List<String> arguments = List.of(args);
        if (arguments.contains("--history")) {
            long events = Long.parseLong(arguments.get(arguments.indexOf("--history") + 1));
            System.out.printf("loading history: petition-service stores %,d events%n", StoredHistory.fillTo(settings, events));
        }
        Report report = run(settings, Sizes.of(arguments), LocalDate.now(), System.out);
        Path written = write(settings, report);
        System.out.println("written to " + written);
    }

    /**
     * Runs every measurement in {@code sizes}, each petition received on {@code receivedOn} (the end-to-end test
     * picks a year its other tests leave alone).
     */
    public static Report run(PlatformSettings settings, Sizes sizes, LocalDate receivedOn, PrintStream out)
            throws Exception {
        int count = sizes.registrations();
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.passwordGrant(http, settings, "reception1");
        RawInsert raw = new RawInsert(settings);
        Map<String, String> postgres = raw.durability();
        out.printf("PostgreSQL on port %d: fsync=%s, synchronous_commit=%s%n", settings.postgresPort(),
                postgres.get("fsync"), postgres.get("synchronous_commit"));

        List<RawRate> rawInsert = new ArrayList<>();
        List<Intake> intake = new ArrayList<>();
        Map<String, Double> cpu = Map.of();
        for (int connections : List.of(1, 8, 32)) {
            out.printf("intake at %d connection(s): %d registrations...%n", connections, count);
            Map<String, Double> before = CpuUsage.read(settings);
            intake.add(IntakeLoad.run(settings, token, receivedOn, connections, count));
            if (connections == 8) { // where the cores go, by part of the platform (warm-up included: a few %)
                cpu = CpuUsage.perOperation(before, CpuUsage.read(settings), count);
            }
            if (connections <= 8) {
                out.printf("raw insert + commit at %d connection(s)...%n", connections);
                rawInsert.add(raw.run(connections, count));
            }
        }
        out.println("raw Kafka producer...");
        RawRate kafka = RawKafka.run(settings, Math.max(count * 10, 1000));
        List<Lag> lags = new ArrayList<>();
        for (int perSecond : sizes.lagRates()) {
            out.printf("register -> report lag at %d registrations/s for %d s...%n", perSecond, sizes.lagSeconds());
            lags.add(ReportLag.run(settings, token, receivedOn, perSecond, sizes.lagSeconds()));
        }
        out.printf("every consumer draining a backlog of %,d events...%n", sizes.backlog());
        List<Drain> drains = ConsumerDrain.run(settings, sizes.backlog());
        out.printf("reporting's rebuild with %,d events in its log...%n", sizes.rebuildEvents());
        Rebuild rebuild = RebuildRate.run(settings, http, Tokens.passwordGrant(http, settings, "admin1"), sizes.rebuildEvents());
        List<ServiceFootprint> services = ServiceFootprint.ofRunning(settings);

        Map<String, Double> ratios = new LinkedHashMap<>();
        for (RawRate limit : rawInsert) {
            intake.stream().filter(i -> i.connections() == limit.connections()).findFirst()
                    .ifPresent(i -> ratios.put("intake/raw insert at " + limit.connections(), i.perSecond() / limit.perSecond()));
        }
        Report report = new Report(Instant.now().toString(), StoredHistory.fillTo(settings, 0), postgres, intake, rawInsert, kafka, cpu, lags, drains, rebuild, services, ratios);
        print(report, out);
        return report;
    }

    static void print(Report report, PrintStream out) {
        out.println();
        out.println("| what | connections | per second | p50 ms | p99 ms | errors |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Intake i : report.intake()) {
            out.printf("| intake, POST /api/petitions | %d | %.0f | %.1f | %.1f | %d |%n", i.connections(), i.perSecond(),
                    i.p50Millis(), i.p99Millis(), i.errors());
        }
        for (RawRate r : report.rawInsert()) {
            out.printf("| raw INSERT + COMMIT, same PostgreSQL | %d | %.0f | %.2f | %.2f | |%n", r.connections(),
                    r.perSecond(), r.p50Millis(), r.p99Millis());
        }
        out.printf("| raw Kafka producer (acks=all), same broker | 1 | %.0f | | | |%n", report.rawKafka().perSecond());
        report.ratios().forEach((name, ratio) -> out.printf("| ratio %s | | %.1f %% | | | |%n", name, ratio * 100));
        out.println();
        out.println("| CPU per registration at 8 connections, by part | ms |");
        out.println("|---|---:|");
        report.cpuMillisPerRegistration().forEach((part, millis) -> out.printf("| %s | %.2f |%n", part, millis));
        out.printf("| all | %.2f |%n", report.cpuMillisPerRegistration().values().stream().reduce(0.0, Double::sum));
        out.println();
        out.println("| register -> report lag at a steady rate | asked per s | reached per s | p50 ms | p99 ms | errors |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Lag lag : report.reportLag()) {
            out.printf("| %d registrations | %d | %.0f | %.0f | %.0f | %d |%n", lag.registrations(), lag.targetPerSecond(),
                    lag.perSecond(), lag.p50Millis(), lag.p99Millis(), lag.errors());
        }
        out.println();
        out.println("| draining a backlog | consumer | events | events per s |");
        out.println("|---|---|---:|---:|");
        for (Drain drain : report.drains()) {
            out.printf("| %s | %s | %,d | %.0f |%n", drain.service(), drain.consumer(), drain.events(), drain.perSecond());
        }
        out.printf("%nrebuild of reporting's read models: %,d events replayed at %.0f events/s (%.1f s)%n",
                report.rebuild().replayed(), report.rebuild().perSecond(),
                report.rebuild().replayed() / Math.max(report.rebuild().perSecond(), 1e-9));
        out.println();
        out.println("| service | instance | RSS MB | start s |");
        out.println("|---|---|---:|---:|");
        for (ServiceFootprint s : report.services()) {
            out.printf("| %s | %s | %.0f | %s |%n", s.service(), s.instance(), s.rssMegabytes(),
                    s.startSeconds() == null ? "?" : String.format("%.2f", s.startSeconds()));
        }
        out.printf("%nPostgreSQL: fsync=%s, synchronous_commit=%s; petition-service stores %,d events%n",
                report.postgres().get("fsync"), report.postgres().get("synchronous_commit"), report.storedEvents());
    }

    /** Writes the report as JSON beside the platform's data; returns the file of this run. */
    public static Path write(PlatformSettings settings, Report report) throws Exception {
        Path folder = Files.createDirectories(settings.dataDir().resolve("benchmark"));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path run = folder.resolve("benchmark-" + report.at().replace(':', '-') + ".json");
        json.writeValue(run.toFile(), report);
        Files.copy(run, folder.resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return run;
    }
}
