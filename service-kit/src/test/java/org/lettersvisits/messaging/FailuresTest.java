package org.lettersvisits.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lettersvisits.messaging.Failures.Kind.PERMANENT;
import static org.lettersvisits.messaging.Failures.Kind.TRANSIENT;
import static org.lettersvisits.messaging.Failures.Kind.UNEXPECTED;

import java.net.ConnectException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.eventstore.CommandRejected;
import org.lettersvisits.eventstore.CommandRejected.Reason;
import org.lettersvisits.eventstore.ConcurrencyConflict;

import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class FailuresTest {

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }

    @Test
    void a_database_that_refuses_restarts_or_is_busy_is_retried() {
        assertThat(Failures.classify(pg("55000", "database \"followup\" is not currently accepting connections")))
                .isEqualTo(TRANSIENT);
        assertThat(Failures.classify(pg("57P01", "terminating connection due to administrator command"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(pg("57P03", "the database system is starting up"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(pg("40001", "could not serialize access"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(pg("40P01", "deadlock detected"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(pg("53300", "sorry, too many clients already"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(pg("08006", "connection failure"))).isEqualTo(TRANSIENT);
    }

    @Test
    void a_lost_connection_a_pool_timeout_or_a_concurrent_writer_is_retried() {
        assertThat(Failures.classify(new ConnectException("Connection refused"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(ClosedConnectionException.INSTANCE)).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new NoStackTraceTimeoutException("Timeout"))).isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new ConcurrencyConflict(UUID.randomUUID(), "version 3 already exists", false)))
                .isEqualTo(TRANSIENT);
        assertThat(Failures.classify(new IllegalStateException("wrapped", new ConnectException("Connection refused"))))
                .isEqualTo(TRANSIENT);
    }

    @Test
    void a_rejected_command_or_data_that_does_not_fit_is_never_retried() {
        assertThat(Failures.classify(new CommandRejected(Reason.FORBIDDEN_TRANSITION, "a ACCEPTED case cannot be reopened")))
                .isEqualTo(PERMANENT);
        assertThat(Failures.classify(pg("23502", "null value in column"))).isEqualTo(PERMANENT);
        assertThat(Failures.classify(pg("22007", "invalid datetime format"))).isEqualTo(PERMANENT);
        assertThat(Failures.classify(new Undeliverable(Undeliverable.Reason.UNREADABLE, "no ce_id"))).isEqualTo(PERMANENT);
    }

    @Test
    void a_failure_nobody_classified_gets_a_few_retries_then_a_dead_letter() {
        assertThat(Failures.classify(new NullPointerException())).isEqualTo(UNEXPECTED);
        assertThat(Failures.classify(pg("42P01", "relation \"known_petition\" does not exist"))).isEqualTo(UNEXPECTED);
    }
}
