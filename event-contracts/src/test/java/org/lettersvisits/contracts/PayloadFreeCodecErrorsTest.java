package org.lettersvisits.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.registry.PlatformEvents;

/**
 * A payload that does not decode says where it went wrong, not what it held: the message ends up in log lines and
 * dead-letter headers, and Jackson's own quotes the value it could not read.
 */
class PayloadFreeCodecErrorsTest {

    private static final String PERSON = "张三13712345678";
    private final EventCodec codec = PlatformEvents.codec();

    @Test
    void a_value_of_the_wrong_kind_is_named_by_its_field_only() {
        String completed = "{\"visitId\":\"" + java.util.UUID.randomUUID() + "\",\"visitedOn\":\"" + PERSON + "\"}";

        assertThatThrownBy(() -> codec.decode("return-visit.completed.v1", completed))
                .isInstanceOf(IllegalArgumentException.class).hasNoCause()
                .hasMessageContaining("return-visit.completed.v1").hasMessageContaining("visitedOn")
                .hasMessageNotContaining(PERSON).hasMessageNotContaining("张三");
    }

    @Test
    void text_that_is_not_json_is_named_by_its_line_and_column_only() {
        assertThatThrownBy(() -> codec.decode("return-visit.completed.v1", "{\"visitor\": " + PERSON + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasNoCause()
                .hasMessageContaining("line 1").hasMessageNotContaining(PERSON).hasMessageNotContaining("张三");
    }
}
