package org.lettersvisits.petition;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.PersonalDataColumns;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Every column of this service's tables that can hold text is decided in personal-data-columns.txt: personal (and how
 * an erasure scrubs it) or not; a new column without a decision fails here. The scrubbing itself is proven by the
 * erasure tests the file names.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PersonalDataColumnsTest {

    @Inject
    Pool pool;

    @Test
    void every_column_that_can_hold_text_is_decided_personal_or_not() {
        assertThat(PersonalDataColumns.decided().keySet()).as("columns decided in personal-data-columns.txt")
                .containsExactlyElementsOf(PersonalDataColumns.inDatabase(pool));
        assertThat(PersonalDataColumns.decided().values()).allMatch(how -> how.startsWith("personal ")
                || how.startsWith("none "), "each decision says personal or none, and why");
    }
}
