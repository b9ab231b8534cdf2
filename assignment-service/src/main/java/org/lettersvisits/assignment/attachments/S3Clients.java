package org.lettersvisits.assignment.attachments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The S3 client of {@link S3AttachmentStore}: the one quarkus-amazon-s3 builds from {@code quarkus.s3.*}, computing and
 * checking checksums only where an operation requires them. Since 2.30 the AWS SDK adds CRC checksums to every upload
 * and checks them on every download by default, which many S3-compatible stores (older MinIO and Ceph, s3proxy) refuse
 * or do not send; the file's own SHA-256, recorded in its event, is what a download is checked against.
 * <p>
 * The SDK refuses checksum settings made both on the client and in the S3 service configuration, where the extension
 * puts {@code quarkus.s3.checksum-validation}: so the service configuration is made again here from the same keys,
 * without that one.
 */
@ApplicationScoped
public class S3Clients {

    @ConfigProperty(name = "quarkus.s3.path-style-access", defaultValue = "false")
    boolean pathStyleAccess;

    @ConfigProperty(name = "quarkus.s3.accelerate-mode", defaultValue = "false")
    boolean accelerateMode;

    @ConfigProperty(name = "quarkus.s3.chunked-encoding", defaultValue = "true")
    boolean chunkedEncoding;

    @ConfigProperty(name = "quarkus.s3.use-arn-region-enabled", defaultValue = "false")
    boolean useArnRegion;

    @Produces
    @ApplicationScoped
    S3Client s3(S3ClientBuilder builder) {
        return builder.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyleAccess)
                        .accelerateModeEnabled(accelerateMode).chunkedEncodingEnabled(chunkedEncoding)
                        .useArnRegionEnabled(useArnRegion).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    void close(@Disposes S3Client s3) {
        s3.close();
    }
}
