package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The images, built and run here although there is no Docker: {@code ./platform images --local-registry} makes
 * a Java 17 base from Debian packages, runs a registry on 127.0.0.1 and builds the four images with Jib; then
 * followup-service's image is unpacked and its own entry point run, as the image's user, in a chroot of the
 * image's file system, against the end-to-end platform's database, broker and realm. It becomes ready on the
 * management port, which serves its health and metrics, while the service port no longer does.
 * Needs root and Debian's docker-registry, mmdebstrap, umoci and skopeo (.ci/run installs them); skipped
 * without them on a developer's machine, failed under {@code CI=true}.
 */
@ExtendWith(SharedPlatform.class)
class ImagesIT {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("petition-service", "assignment-service", "followup-service",
            "reporting-service");
    private static final String TAG = "e2e";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void the_images_are_built_and_one_runs_as_its_user_with_health_and_metrics_on_the_management_port()
            throws Exception {
        requireTools();
        Path work = Files.createDirectories(ROOT.resolve("deploy/target/images-it"));
        String registry = "127.0.0.1:15000"; // the local registry's port + 10000, like every end-to-end port
        Path registryData = work.resolve("registry");
        Process followup = null;
        try {
            run(work.resolve("build.log"), Duration.ofMinutes(20), Map.of("LOCAL_REGISTRY", registry,
                    "LOCAL_REGISTRY_DATA", registryData.toString(), "IMAGE_TAG", TAG),
                    ROOT.resolve("deploy/images/build-images").toString(), "--local-registry");

            for (String service : SERVICES) {
                JsonNode config = imageConfig(work, registry + "/letters-visits/" + service + ":" + TAG);
                assertThat(config.path("User").asText()).as(service + " user").isEqualTo("185");
                assertThat(config.path("ExposedPorts").has("9000/tcp")).as(service + " exposes the management port").isTrue();
                assertThat(config.path("Entrypoint").toString()).contains("-XX:MaxRAMPercentage=75", "quarkus-run.jar");
            }

            JsonNode config = imageConfig(work, registry + "/letters-visits/followup-service:" + TAG);
            Path bundle = work.resolve("followup-bundle");
            run(work.resolve("unpack.log"), Duration.ofMinutes(2), Map.of(), "rm", "-rf", bundle.toString(),
                    work.resolve("oci").toString());
            run(work.resolve("unpack.log"), Duration.ofMinutes(2), Map.of(), "skopeo", "copy", "--quiet",
                    "--src-tls-verify=false", "docker://" + registry + "/letters-visits/followup-service:" + TAG,
                    "oci:" + work.resolve("oci") + ":followup");
            run(work.resolve("unpack.log"), Duration.ofMinutes(2), Map.of(), "umoci", "unpack", "--image",
                    work.resolve("oci") + ":followup", bundle.toString());
            Path rootfs = bundle.resolve("rootfs");
            // what a container runtime adds to every container: the host's name resolution
            Files.copy(Path.of("/etc/hosts"), rootfs.resolve("etc/hosts"), StandardCopyOption.REPLACE_EXISTING);

            int httpPort = freePort();
            int managementPort = freePort();
            PlatformSettings platform = SharedPlatform.settings();
            // a mount namespace of its own with /proc mounted in the image's file system, as a container runtime
            // does (the JVM finds its libraries through /proc/self/exe); it ends with the process
            List<String> command = new ArrayList<>(List.of("unshare", "--mount", "bash", "-c",
                    "mount -t proc proc \"$0/proc\" && exec chroot --userspec=\"$1\":185 \"$0\" \"${@:2}\"",
                    rootfs.toString(), config.path("User").asText(), "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp",
                    "QUARKUS_HTTP_PORT=" + httpPort, "QUARKUS_MANAGEMENT_PORT=" + managementPort,
                    "QUARKUS_HTTP_HOST=127.0.0.1", "QUARKUS_MANAGEMENT_HOST=127.0.0.1",
                    "DB_HOST=127.0.0.1", "DB_PORT=" + platform.postgresPort(), "DB_NAME=followup",
                    "DB_USER=followup_service", "DB_PASSWORD=" + LocalDatabase.rolePassword(platform, "followup_service"),
                    "DB_OWNER_USER=followup_owner", "DB_OWNER_PASSWORD=" + LocalDatabase.rolePassword(platform, "followup_owner"),
                    "ANCHOR_SIGNING_KEY=" + LocalSecrets.anchorKeys(platform).signing(),
                    "ANCHOR_VERIFYING_KEY=" + LocalSecrets.anchorKeys(platform).verifying(),
                    "KAFKA_BOOTSTRAP_SERVERS=" + platform.kafkaBootstrapServers(), "OIDC_ISSUER=" + platform.issuer(),
                    "DATA_KEY_SHARING_KEY=" + LocalSecrets.randomBase64(platform.dataKeySharingKeyFile(), 32,
                            java.util.Base64.getEncoder()),
                    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:" + platform.tracesPort(),
                    "/bin/sh", "-c", "cd " + config.path("WorkingDir").asText() + " && exec \"$@\"", "entrypoint"));
            config.path("Entrypoint").forEach(part -> command.add(part.asText()));
            followup = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("followup-service.log").toFile()).start();
            Process running = followup;

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(running.isAlive()).as("the image's service runs (see " + work.resolve("followup-service.log") + ")")
                        .isTrue();
                return status("http://127.0.0.1:" + managementPort + "/q/health/ready") == 200;
            });
            assertThat(Files.readAllLines(Path.of("/proc/" + running.pid() + "/status")))
                    .as("the JVM runs as the image's user").anySatisfy(line -> assertThat(line).matches("Uid:\\s+185\\s.*"));
            assertThat(body("http://127.0.0.1:" + managementPort + "/q/metrics")).contains("lettersvisits_return_visits");
            assertThat(status("http://127.0.0.1:" + httpPort + "/q/health/ready")).as("health left the service port")
                    .isEqualTo(404);
            assertThat(status("http://127.0.0.1:" + httpPort + "/api/return-visits")).as("the API is on the service port")
                    .isEqualTo(401);
        } finally {
            if (followup != null) {
                followup.destroy();
                followup.waitFor(30, TimeUnit.SECONDS);
                followup.destroyForcibly();
            }
            Path pid = registryData.resolve("registry.pid");
            if (Files.exists(pid)) {
                new ProcessBuilder("kill", Files.readString(pid).trim()).start().waitFor();
            }
        }
    }

    private static void requireTools() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("docker-registry", "mmdebstrap", "umoci", "skopeo", "chroot", "unshare")) {
            if (new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() != 0) {
                missing.add(tool);
            }
        }
        String uid = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim();
        if (!uid.equals("0")) {
            missing.add("root (for the chroot)");
        }
        if (!missing.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("the image build needs " + missing + ": see .ci/run");
        }
        Assumptions.assumeTrue(missing.isEmpty(), "the image build needs " + missing);
    }

    private static JsonNode imageConfig(Path work, String image) throws Exception {
        Path out = work.resolve("inspect.json");
        run(out, Duration.ofMinutes(1), Map.of(), "skopeo", "inspect", "--tls-verify=false", "--config", "docker://" + image);
        return new ObjectMapper().readTree(out.toFile()).path("config");
    }

    private static void run(Path log, Duration timeout, Map<String, String> environment, String... command)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took longer than " + timeout + "; see " + log);
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + " (see " + log + ")").isZero();
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
