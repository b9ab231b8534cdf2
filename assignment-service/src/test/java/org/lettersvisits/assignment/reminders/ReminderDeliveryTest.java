package org.lettersvisits.assignment.reminders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.Users;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A digest goes to a recipient once a day, also when two senders (two replicas' passes) deliver it at the same moment;
 * a claim left by a sender that died is taken over only once it is ten minutes old. The mails land in the mock mailbox.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReminderDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReminderPost post;

    @Inject
    MockMailbox mailbox;

    @Inject
    Pool pool;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    private static Digest digest(LocalDate day, String leader) {
        return new Digest(day, Digest.Audience.LEADER, leader, List.of(new DueCase("XF-2015-00042",
                Department.COURT, leader, day.minusDays(2), null)));
    }

    @Test
    void two_senders_at_once_send_one_mail_and_a_later_pass_finds_it_sent() {
        Digest digest = digest(LocalDate.of(2015, 3, 2), "Leader " + UUID.randomUUID());
        String to = "leader-" + UUID.randomUUID() + "@petitions.local";

        List<ReminderPost.Outcome> outcomes = Uni.join().all(post.deliver(digest, to), post.deliver(digest, to))
                .andCollectFailures().await().atMost(WAIT);

        assertThat(outcomes).containsExactlyInAnyOrder(ReminderPost.Outcome.SENT, ReminderPost.Outcome.ALREADY_SENT);
        List<Mail> mails = mailbox.getMailsSentTo(to);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("信访案件到期提醒（" + digest.addressee() + "，2015年3月2日）：已逾期1件，7日内到期0件");
        assertThat(mails.get(0).getText()).contains("XF-2015-00042｜法院｜办理期限 2015-02-28（已逾期2天）");

        assertThat(post.deliver(digest, to).await().atMost(WAIT)).isEqualTo(ReminderPost.Outcome.ALREADY_SENT);
        assertThat(post.deliver(digest(LocalDate.of(2015, 3, 3), digest.addressee()), to).await().atMost(WAIT))
                .as("the next day's digest is a reminder of its own").isEqualTo(ReminderPost.Outcome.SENT);
        assertThat(mailbox.getMailsSentTo(to)).hasSize(2);
    }

    @Test
    void a_claim_of_a_sender_that_died_is_taken_over_after_ten_minutes_not_before() {
        Digest digest = digest(LocalDate.of(2015, 4, 1), "Leader " + UUID.randomUUID());
        String fresh = "fresh-" + UUID.randomUUID() + "@petitions.local";
        String stale = "stale-" + UUID.randomUUID() + "@petitions.local";
        claimedBy(digest, fresh, "now()");
        claimedBy(digest, stale, "now() - interval '11 minutes'");

        assertThat(post.deliver(digest, fresh).await().atMost(WAIT)).as("maybe still being sent")
                .isEqualTo(ReminderPost.Outcome.ALREADY_SENT);
        assertThat(mailbox.getMailsSentTo(fresh)).isEmpty();
        assertThat(post.deliver(digest, stale).await().atMost(WAIT)).isEqualTo(ReminderPost.Outcome.SENT);
        assertThat(mailbox.getMailsSentTo(stale)).hasSize(1);
    }

    @Test
    void an_operator_sees_the_days_reminders_and_a_pass_without_a_directory_sends_nothing() {
        Digest digest = digest(LocalDate.of(2015, 5, 6), "Leader " + UUID.randomUUID());
        String to = "seen-" + UUID.randomUUID() + "@petitions.local";
        post.deliver(digest, to).await().atMost(WAIT);

        given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/reminders?day=2015-05-06").then()
                .statusCode(200).body("find { it.recipient == '" + to + "' }.addressee",
                        org.hamcrest.Matchers.equalTo(digest.addressee()))
                .body("find { it.recipient == '" + to + "' }.sentAt", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", Users.ADMIN.bearer()).post("/api/admin/reminders/run").then().statusCode(200)
                .body("directoryConfigured", org.hamcrest.Matchers.equalTo(false)).body("sent", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", Users.ADMIN.bearer()).get("/api/admin/reminders?day=6-5-2015").then()
                .statusCode(400);
    }

    private void claimedBy(Digest digest, String recipient, String at) {
        pool.preparedQuery("INSERT INTO reminder_sent (day, audience, addressee, recipient, claimed_by, claimed_at) "
                + "VALUES ($1, 'LEADER', $2, $3, $4, " + at + ")")
                .execute(Tuple.of(digest.day(), digest.addressee(), recipient, UUID.randomUUID())).await().atMost(WAIT);
    }
}
