package org.lettersvisits.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the platform once for all end-to-end test classes, with the same launcher as
 * {@code ./platform up --replicas 2}, and stops it when the last of them has run (JUnit closes what the root
 * store holds), also when a start or a test fails.
 */
public class SharedPlatform implements BeforeAllCallback {

    /** Every service runs twice behind the launcher's balancer: every end-to-end test also tests replicas. */
    static final int REPLICAS = 2;

    private static PlatformLauncher platform;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        synchronized (SharedPlatform.class) {
            if (platform == null) {
                Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
                PlatformLauncher launcher = new PlatformLauncher(
                        PlatformSettings.forTests(root, root.resolve("deploy/target/e2e-data"), REPLICAS), System.out);
                store.put(PlatformLauncher.class, launcher); // closed after the last test, started or not
                launcher.wipeData();
                launcher.start();
                platform = launcher;
            }
        }
    }

    public static PlatformSettings settings() {
        return platform.settings();
    }

    /** The spans of one trace the services exported to the launcher's collector so far. */
    static java.util.List<OtlpSpans.Span> trace(String traceId) {
        return platform.trace(traceId);
    }

    public static void stopService(String module) {
        platform.stopService(module);
    }

    public static void startService(String module) throws PartFailedException {
        platform.startService(module);
    }
}
