package org.lettersvisits.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A failure in a log line: its message, but never the text of a JSON failure among its causes. */
class FailureTextTest {

    private static final String PERSON = "张三13712345678";

    @Test
    void a_json_failure_anywhere_in_the_chain_is_named_without_its_message() {
        JsonProcessingException unreadable = unreadable("{\"name\": " + PERSON + "}");
        assertThat(unreadable.getMessage()).as("Jackson quotes the text").contains(PERSON);

        RuntimeException wrapped = new IllegalStateException("could not apply: " + unreadable.getMessage(), unreadable);
        assertThat(FailureText.of(unreadable)).doesNotContain(PERSON).contains("JsonParseException").contains("line 1");
        assertThat(FailureText.of(wrapped)).doesNotContain(PERSON).startsWith("IllegalStateException from JsonParseException");
        assertThat(FailureText.withClass(wrapped)).doesNotContain(PERSON);
    }

    @Test
    void any_other_failure_is_its_message() {
        assertThat(FailureText.of(new IllegalStateException("the broker is away"))).isEqualTo("the broker is away");
        assertThat(FailureText.withClass(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    private static JsonProcessingException unreadable(String json) {
        try {
            new ObjectMapper().readTree(json);
            throw new AssertionError("read " + json);
        } catch (JsonProcessingException e) {
            return e;
        }
    }
}
