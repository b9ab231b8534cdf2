package org.lettersvisits.assignment.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A mail server that never answers, then one that refuses connections: the send gives up after its timeout, the
 * claim is given back, and the reminder is claimed again at the next pass; nothing is marked sent that was not.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(MailServerAwayTest.SilentMailServer.class)
class MailServerAwayTest {

    /** Takes TCP connections (the kernel's backlog) and never says a word: an SMTP client waits for a greeting. */
    static final ServerSocket SILENT = silent();

    public static class SilentMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(SILENT.getLocalPort()), "quarkus.mailer.start-tls", "DISABLED",
                    "reminders.send-timeout", "2s");
        }
    }

    private static ServerSocket silent() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ReminderPost post;

    @Inject
    ReminderLedger ledger;

    @Test
    void a_send_that_fails_or_times_out_gives_its_claim_back_for_the_next_pass() throws IOException {
        LocalDate day = LocalDate.of(2014, 6, 3);
        Digest digest = new Digest(day, Digest.Audience.DEPARTMENT, "COURT", List.of(new DueCase("XF-2014-00007",
                Department.COURT, "Leader V", day.minusDays(1), null)));
        String silentTo = "silent-" + UUID.randomUUID() + "@petitions.local";

        assertThat(post.deliver(digest, silentTo).await().atMost(WAIT)).as("no greeting within 2 s")
                .isEqualTo(ReminderPost.Outcome.FAILED);
        assertThat(ledger.of(day).await().atMost(WAIT)).as("the claim was given back, nothing marked sent")
                .noneMatch(e -> e.recipient().equals(silentTo));

        SILENT.close(); // now the port refuses connections
        String refusedTo = "refused-" + UUID.randomUUID() + "@petitions.local";
        assertThat(post.deliver(digest, refusedTo).await().atMost(WAIT)).isEqualTo(ReminderPost.Outcome.FAILED);
        assertThat(ledger.of(day).await().atMost(WAIT)).noneMatch(e -> e.recipient().equals(refusedTo));

        // the next pass may claim both again
        assertThat(ledger.claim(day, Digest.Audience.DEPARTMENT, "COURT", silentTo, UUID.randomUUID())
                .await().atMost(WAIT)).isTrue();
        assertThat(ledger.claim(day, Digest.Audience.DEPARTMENT, "COURT", refusedTo, UUID.randomUUID())
                .await().atMost(WAIT)).isTrue();
    }
}
