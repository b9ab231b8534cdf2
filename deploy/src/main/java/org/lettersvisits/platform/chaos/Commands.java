package org.lettersvisits.platform.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.lettersvisits.platform.ApiClient;
import org.lettersvisits.platform.ApiClient.Answer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the chaos driver sends a command, as a patient member of staff would: again and again until it has a
 * definitive answer, every try with the same {@code Idempotency-Key}, so a try after one that took effect (its
 * answer lost) is answered as a success. True when it took effect (2xx, or 409 after an earlier try's answer was
 * lost: that try had taken effect), false when the platform refused it; {@link Unanswered} after the step limit. The
 * driver never sends {@code If-Match}, so no 409 is one the user caused: every 409 is written down, with the command
 * and whether an earlier try's answer was lost, for the run's summary.
 */
final class Commands {

    private static final Duration STEP_LIMIT = Duration.ofMinutes(3);
    static final Duration RETRY = Duration.ofMillis(500);

    private final ApiClient api;
    private final List<String> conflicts = new CopyOnWriteArrayList<>();

    Commands(ApiClient api) {
        this.api = api;
    }

    /** Every 409 these commands were answered, described. */
    List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    boolean send(String user, int service, String path, Object body, Map<String, String> headers,
            boolean notFoundMeansNotYet) throws InterruptedException {
        return send(user, service, path, body, headers, notFoundMeansNotYet, new JsonNode[1]);
    }

    /** As {@link #send(String, int, String, Object, Map, boolean)}, leaving the last answer's body in {@code result[0]}. */
    boolean send(String user, int service, String path, Object body, Map<String, String> headers,
            boolean notFoundMeansNotYet, JsonNode[] result) throws InterruptedException {
        boolean answerLost = false;
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        Map<String, String> withKey = new java.util.HashMap<>(headers);
        withKey.putIfAbsent("Idempotency-Key", java.util.UUID.randomUUID().toString()); // the same on every try
        while (System.nanoTime() < deadline) {
            try {
                Answer answer = api.call(user, service, "POST", path, body, withKey);
                result[0] = answer.body();
                if (answer.status() == 409) {
                    conflicts.add("POST " + path + " answered 409" + (answerLost ? " (an earlier try's answer was lost)" : "")
                            + ": " + (answer.body() == null ? "" : answer.body().path("detail").asText()));
                }
                if (answer.is2xx() || answer.status() == 409 && answerLost) {
                    return true;
                }
                if (answer.status() >= 500 || answer.status() == 404 && notFoundMeansNotYet) {
                    answerLost |= answer.status() >= 500;
                } else {
                    return false;
                }
            } catch (IOException e) {
                answerLost = true;
            }
            Thread.sleep(RETRY.toMillis()); // a deliberate, bounded retry interval
        }
        throw new Unanswered("POST " + path + " had no definitive answer within " + STEP_LIMIT.toMinutes() + " min");
    }

    /** A command that got no definitive answer for the whole step limit. */
    static final class Unanswered extends RuntimeException {
        Unanswered(String message) {
            super(message);
        }
    }
}
