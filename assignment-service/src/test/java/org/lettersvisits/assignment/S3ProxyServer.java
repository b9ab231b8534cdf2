package org.lettersvisits.assignment;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An S3-compatible server inside the test JVM: s3proxy over jclouds' transient (in-memory) blob store, on a free port
 * of 127.0.0.1, with one bucket; the service is pointed at it ({@code attachments.store=s3}). No Docker. The blob store
 * is kept for the test to look into the bucket directly, as an operator would.
 */
public class S3ProxyServer implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "case-files";
    private static final String ACCESS_KEY = "attachments-test";
    private static final String SECRET_KEY = "attachments-test-secret";

    private static BlobStore blobStore;
    private S3Proxy proxy;

    /** The bucket's blob store, as the service's files land in it. */
    static BlobStore blobStore() {
        return blobStore;
    }

    @Override
    public Map<String, String> start() {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
        blobStore = context.getBlobStore();
        blobStore.createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(blobStore).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
        return Map.of(
                "attachments.store", "s3",
                "attachments.s3.bucket", BUCKET,
                "quarkus.s3.endpoint-override", "http://127.0.0.1:" + proxy.getPort(),
                "quarkus.s3.path-style-access", "true",
                "quarkus.s3.aws.region", "us-east-1",
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY);
    }

    @Override
    public void stop() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not stop", e);
            }
        }
    }
}
