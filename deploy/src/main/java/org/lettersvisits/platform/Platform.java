package org.lettersvisits.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The command line behind {@code ./platform}: {@code up [--fresh] [--replicas N] [--infra]}. */
public final class Platform {

    private Platform() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            usage();
            System.exit(arguments.isEmpty() ? 0 : 2);
        }
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System.getenv());
        int replicas = arguments.indexOf("--replicas");
        if (replicas >= 0) {
            settings = settings.withReplicas(Integer.parseInt(arguments.get(replicas + 1)));
        }
        PlatformLauncher launcher = new PlatformLauncher(settings, System.out);
        if (arguments.contains("--fresh")) {
            launcher.wipeData();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.close();
            stopped.countDown();
        }, "platform-stop"));
        try {
            if (arguments.contains("--infra")) {
                launcher.startInfrastructure();
            } else {
                launcher.start();
            }
        } catch (PartFailedException e) {
            System.err.println();
            System.err.println(e.getMessage());
            System.exit(1); // the shutdown hook stops what did start
        }
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    private static void usage() {
        System.out.println("""
                Usage: ./platform up [--fresh] [--replicas N] [--infra]

                  up        build what is missing, then start PostgreSQL, Kafka, Keycloak and the four
                            services; print their URLs when all are ready; Ctrl-C stops everything
                  --fresh   wipe the local data (Kafka, PostgreSQL, logs) before starting
                  --replicas N
                            run N instances of every service (1 to 5) behind a balancer on each
                            service's port
                  --infra   start only PostgreSQL, Kafka and Keycloak, for services run in dev mode
                            (./mvnw quarkus:dev -pl petition-service, ...)

                Environment: PLATFORM_DATA (data folder, default .platform-data), POSTGRES_PORT (15432),
                KAFKA_PORT (9092), KEYCLOAK_PORT (8180), TRACES_PORT (4318), PLATFORM_REPLICAS (1), PETITION_SERVICE_PORT (8081),
                ASSIGNMENT_SERVICE_PORT (8082), FOLLOWUP_SERVICE_PORT (8083), REPORTING_SERVICE_PORT (8084)""");
    }
}
