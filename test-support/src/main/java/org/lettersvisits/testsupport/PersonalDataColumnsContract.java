package org.lettersvisits.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * Every column of a service's tables that can hold text is decided in its personal-data-columns.txt: personal (and how
 * an erasure deals with it) or none (and why); a new column without a decision fails here. The erasure tests the file
 * names prove the scrubbing. A service's test extends this and is annotated {@code @QuarkusTest} with
 * {@link RealInfrastructure}.
 */
public abstract class PersonalDataColumnsContract {

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
