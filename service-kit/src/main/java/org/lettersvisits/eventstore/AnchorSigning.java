package org.lettersvisits.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;

/**
 * The key pair that signs the event log's anchors (Ed25519): the private key only the service holds
 * ({@code ANCHOR_SIGNING_KEY}, base64 PKCS#8), never the database; the public one ({@code ANCHOR_VERIFYING_KEY}, base64
 * X.509) is all an auditor needs to check an anchor. Checked at start: a service that keeps an event log does not start
 * without a pair that signs and verifies. Its id is the first 16 hex digits of the public key's SHA-256.
 */
@ApplicationScoped
@Startup
@IfBuildProperty(name = "eventstore.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class AnchorSigning {

    private final PrivateKey signing;
    private final PublicKey verifying;
    private final String keyId;

    @Inject
    AnchorSigning(@ConfigProperty(name = "lettersvisits.integrity.anchor-signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "lettersvisits.integrity.anchor-verifying-key") Optional<String> verifyingKey) {
        this(signingKey.orElseThrow(() -> new IllegalStateException(
                "ANCHOR_SIGNING_KEY is not set: a service that keeps an event log signs its anchors with it")),
                verifyingKey.orElseThrow(() -> new IllegalStateException(
                        "ANCHOR_VERIFYING_KEY is not set: a service that keeps an event log checks its anchors with it")));
    }

    /** The pair from its two halves, base64. */
    public AnchorSigning(String signingKey, String verifyingKey) {
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            this.signing = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey.trim())));
            this.verifying = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(verifyingKey.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the anchor signing keys do not read as an Ed25519 key pair: " + e.getMessage(), e);
        }
        this.keyId = Hashes.sha256(Base64.getEncoder().encodeToString(verifying.getEncoded())).substring(0, 16);
        if (!verifies("pair check", sign("pair check"))) {
            throw new IllegalStateException("ANCHOR_SIGNING_KEY and ANCHOR_VERIFYING_KEY are not one key pair");
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The signature of {@code hash}, base64. */
    public String sign(String hash) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signing);
            signature.update(hash.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an anchor", e);
        }
    }

    /** Whether {@code signature} is this key pair's signature of {@code hash}. */
    public boolean verifies(String hash, String signature) {
        if (hash == null || signature == null) {
            return false;
        }
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(verifying);
            check.update(hash.getBytes(StandardCharsets.UTF_8));
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
