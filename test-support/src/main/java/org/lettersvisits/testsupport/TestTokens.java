package org.lettersvisits.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Real signed bearer tokens for service tests, shaped like the realm's (user name in
 * {@code preferred_username}, roles in {@code groups}). The key pair is made once per test JVM;
 * {@link RealInfrastructure} gives the service its public key and issuer, so the service checks
 * signature, issuer and expiry exactly as it does for Keycloak's tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.petitions.test/realms/petitions";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** The audience every service requires (Keycloak's clients add it with an audience mapper). */
    public static final String AUDIENCE = "petitions-api";

    /** A bearer token for {@code user} holding {@code roles}, valid for ten minutes. */
    public static String tokenFor(String user, String... roles) {
        return tokenForAudience(AUDIENCE, user, roles);
    }

    /** The same, issued for another {@code audience}: the services must refuse it. */
    public static String tokenForAudience(String audience, String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(user)
                .preferredUserName(user)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10))
                .jws().keyId("test")
                .sign(KEYS.getPrivate());
    }

    /** The public key, base64 X.509, as {@code quarkus.oidc.public-key} takes it. */
    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
