package org.lettersvisits.assignment.attachments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses to start when the server's body limit is smaller than the largest file plus its multipart envelope: such a
 * file would be refused by the body limit with a number the user never configured for files, or, sent in chunks, cut
 * off. One mistake in the configuration, said at once, instead of uploads that fail near the cap.
 */
@ApplicationScoped
public class UploadLimitCheck {

    /** What the multipart form adds around the file: its boundaries, headers, the name, the kind. */
    public static final long ENVELOPE = 64 * 1024;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize serverLimit;

    void check(@Observes StartupEvent start, AttachmentSettings settings) {
        long needed = settings.maxSize().asLongValue() + ENVELOPE;
        if (serverLimit.asLongValue() < needed) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + serverLimit.asLongValue()
                    + " bytes) must be at least attachments.max-size plus " + ENVELOPE + " bytes (" + needed + ")");
        }
        if (settings.store() == AttachmentSettings.Store.S3 && settings.s3().bucket().isEmpty()) {
            throw new IllegalStateException("attachments.store=s3 needs attachments.s3.bucket");
        }
    }
}
