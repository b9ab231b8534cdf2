package org.lettersvisits.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Topics;
import org.lettersvisits.followup.subscriptions.CaseEventsAudit;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A second subscription added on a topic the service already reads sees every event, including the
 * ones the first subscription applied: the processed-event log is kept per subscription.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(SecondSubscriptionTest.WithAudit.class)
class SecondSubscriptionTest {

    /** followup-service with {@link CaseEventsAudit} on assignment-events beside the closed-cases subscription. */
    public static class WithAudit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String channel = "mp.messaging.incoming.case-audit.";
            return Map.ofEntries(Map.entry("test.second-subscription", "true"),
                    Map.entry(channel + "connector", "smallrye-kafka"),
                    Map.entry(channel + "topic", Topics.ASSIGNMENT_EVENTS),
                    Map.entry(channel + "group.id", "followup-service.case-audit"),
                    Map.entry(channel + "auto.offset.reset", "earliest"),
                    Map.entry(channel + "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
                    Map.entry(channel + "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
                    Map.entry(channel + "failure-strategy", "dead-letter-queue"),
                    Map.entry(channel + "dead-letter-queue.topic", Topics.deadLettersOf("followup-service")),
                    Map.entry(channel + "throttled.unprocessed-record-max-age.ms", "-1"));
        }
    }

    @Test
    void both_subscriptions_apply_the_same_closure() {
        UUID caseId = UUID.randomUUID();
        UUID closing = ReturnVisitApiTest.close(caseId, LocalDate.of(2026, 11, 24), UUID.randomUUID());

        assertThat(ReturnVisitApiTest.visitsOf(caseId, 1).getString("items[0].closedOn")).isEqualTo("2026-11-24");
        await().atMost(Duration.ofSeconds(30)).until(() -> CaseEventsAudit.APPLIED.contains(closing));
    }
}
