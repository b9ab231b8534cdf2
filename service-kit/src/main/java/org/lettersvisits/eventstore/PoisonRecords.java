package org.lettersvisits.eventstore;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.lettersvisits.observability.FailureText;

/**
 * Which failures to publish an outbox row can never pass by themselves, whatever the broker's state: the row is
 * larger than the broker or the producer takes, names a topic that cannot exist, or does not make a record. Every
 * other failure (the broker away, a timeout, a leader election) is tried again.
 */
final class PoisonRecords {

    /** A row that does not make a Kafka record at all. */
    static final class Unpublishable extends RuntimeException {
        Unpublishable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PoisonRecords() {
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Unpublishable || t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof SerializationException
                    || t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    /** The reason kept beside the set-aside row: the innermost failure's class and message. */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return FailureText.withClass(innermost); // not a JSON failure's message: it quotes the payload
    }
}
