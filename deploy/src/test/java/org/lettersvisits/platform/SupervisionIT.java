package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lettersvisits.platform.E2eClient.REPORTING;
import static org.lettersvisits.platform.E2eClient.as;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The launcher restarts what dies, as Kubernetes would: a service killed by the operating system comes back and serves. */
@ExtendWith(SharedPlatform.class)
class SupervisionIT {

    private static long pidOf(String part) throws Exception {
        return Long.parseLong(Files.readString(SharedPlatform.settings().pidFile(part)).trim());
    }

    @Test
    void a_service_killed_with_minus_9_is_started_again_and_serves() throws Exception {
        long pid = pidOf("reporting-service");
        assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> pidOf("reporting-service") != pid
                && HttpProbe.answers200(SharedPlatform.settings().services().get(REPORTING).baseUrl() + "/q/health/ready"));

        as("leader1", REPORTING).get("/api/reports/summary").then().statusCode(200);
        assertThat(Files.readString(SharedPlatform.settings().logDir().resolve("supervisor.log")))
                .contains("reporting-service exited unexpectedly (killed by signal 9)")
                .contains("reporting-service started again");
    }
}
