package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.platform.E2eClient.REPORTING;
import static org.lettersvisits.platform.E2eClient.as;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher restarts what dies, as Kubernetes would, and the balancer keeps the service's address
 * answering meanwhile: an instance killed by the operating system comes back and serves.
 */
@ExtendWith(SharedPlatform.class)
class SupervisionIT {

    private static long pidOf(String part) throws Exception {
        return Long.parseLong(Files.readString(SharedPlatform.settings().pidFile(part)).trim());
    }

    @Test
    void an_instance_killed_with_minus_9_is_started_again_and_its_service_answers_throughout() throws Exception {
        PlatformSettings.Instance instance = SharedPlatform.settings()
                .instancesOf(SharedPlatform.settings().services().get(REPORTING)).get(0);
        long pid = pidOf(instance.name());
        assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL

        as("leader1", REPORTING).get("/api/reports/summary").then().statusCode(200); // the other instance answers
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> pidOf(instance.name()) != pid
                && HttpProbe.answers200(instance.baseUrl() + "/q/health/ready"));

        as("leader1", REPORTING).get("/api/reports/summary").then().statusCode(200);
        assertThat(Files.readString(SharedPlatform.settings().logDir().resolve("supervisor.log")))
                .contains(instance.name() + " exited unexpectedly (killed by signal 9)")
                .contains(instance.name() + " started again");
    }
}
