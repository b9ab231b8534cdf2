package org.lettersvisits.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's secrets (Keycloak's admin password, petition-service's key-encryption key, the key the
 * petitioners' data keys are shared under): random, made once, kept owner-readable in the data folder ({@code --fresh}
 * makes new ones), never a well-known word.
 */
final class LocalSecrets {

    private LocalSecrets() {
    }

    /** The secret kept in {@code file}: {@code bytes} random bytes, Base64, made on first use. */
    static String randomBase64(Path file, int bytes, Base64.Encoder encoder) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[bytes];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, encoder.encodeToString(random));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a secret in " + file, e);
        }
    }
}
