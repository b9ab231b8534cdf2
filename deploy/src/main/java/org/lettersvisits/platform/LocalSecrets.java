package org.lettersvisits.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's secrets (Keycloak's admin password, petition-service's key-encryption key, the key the
 * petitioners' data keys are shared under, the database's passwords, the anchors' signing key): random, made once,
 * kept owner-readable in the data folder ({@code --fresh} makes new ones), never a well-known word.
 */
final class LocalSecrets {

    /** The anchors' Ed25519 key pair, each Base64: the PKCS#8 private key and the X.509 public key. */
    record AnchorKeys(String signing, String verifying) {
    }

    private LocalSecrets() {
    }

    /**
     * The key pair every service signs its anchors with ({@code ANCHOR_SIGNING_KEY}) and checks them by
     * ({@code ANCHOR_VERIFYING_KEY}): made once, the private key readable by the owner only. The public key is written
     * first, so a folder never holds a private key without it.
     */
    static synchronized AnchorKeys anchorKeys(PlatformSettings settings) {
        Path signing = settings.anchorSigningKeyFile();
        Path verifying = settings.anchorVerifyingKeyFile();
        try {
            if (!Files.exists(signing)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                write(verifying, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), "rw-r--r--");
                write(signing, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), "rw-------");
            } else if (!Files.exists(verifying)) {
                throw new IllegalStateException(verifying + " is missing beside " + signing
                        + ": put it back, or delete both to make a new pair (the anchors signed so far then no longer verify)");
            }
            return new AnchorKeys(Files.readString(signing).trim(), Files.readString(verifying).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the anchors' key pair in " + signing.getParent(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    /** Writes {@code file} whole or not at all, never readable by others meanwhile. */
    private static void write(Path file, String content, String permissions) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(written);
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, content);
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString(permissions));
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The secret kept in {@code file}: {@code bytes} random bytes, Base64, made on first use. */
    static synchronized String randomBase64(Path file, int bytes, Base64.Encoder encoder) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[bytes];
                new SecureRandom().nextBytes(random);
                write(file, encoder.encodeToString(random), "rw-------");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a secret in " + file, e);
        }
    }
}
