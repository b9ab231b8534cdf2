package org.lettersvisits.assignment.attachments;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cases' files ({@code attachments.*}): how large one may be, and where their sealed bytes are kept. The server's own
 * body limit ({@code quarkus.http.limits.max-body-size}) must let a file of {@code max-size} through with its multipart
 * envelope; {@link UploadLimitCheck} refuses to start otherwise, so a file the cap allows is never cut off unanswered.
 */
@ConfigMapping(prefix = "attachments")
public interface AttachmentSettings {

    /** Where the sealed bytes are kept. */
    enum Store {
        /** This service's database ({@code attachment_content}). */
        DATABASE,
        /** An S3-compatible object store: {@code attachments.s3.bucket}, the client from {@code quarkus.s3.*}. */
        S3
    }

    /** The largest file taken (10 MiB unless set); a larger one is refused with 413. */
    @WithDefault("10M")
    MemorySize maxSize();

    @WithDefault("database")
    Store store();

    /** The object store's settings, read only with {@code store=s3}. */
    S3 s3();

    interface S3 {

        /** The bucket the files go to, one object per file under {@code cases/<case id>/<attachment id>}. */
        Optional<String> bucket();
    }
}
