package org.lettersvisits.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.lettersvisits.contracts.Department;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

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

    /** A bearer token for {@code user} holding {@code roles} and carrying {@code claims} besides, e.g. a department. */
    public static String tokenFor(String user, Map<String, Object> claims, String... roles) {
        return build(AUDIENCE, user, claims, roles);
    }

    /**
     * A department leader's token: the realm role {@code leader} and the claim {@code "department": "PUBLIC_SECURITY"}
     * (the department's constant name), as the realm issues it to {@code deptleader1}.
     */
    public static String departmentLeaderToken(String user, Department department) {
        return tokenFor(user, Map.of(DEPARTMENT_CLAIM, department.name()), "leader");
    }

    /** The claim naming a department leader's department (read by the services' {@code LeaderScope}). */
    public static final String DEPARTMENT_CLAIM = "department";

    /** The same, issued for another {@code audience}: the services must refuse it. */
    public static String tokenForAudience(String audience, String user, String... roles) {
        return build(audience, user, Map.of(), roles);
    }

    private static String build(String audience, String user, Map<String, Object> claims, String... roles) {
        JwtClaimsBuilder token = Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(user)
                .preferredUserName(user)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10));
        claims.forEach(token::claim);
        return token.jws().keyId("test").sign(KEYS.getPrivate());
    }

    /** Tokens every service must refuse with 401, by what is wrong with them. */
    public static Map<String, String> forgeries(String user, String... roles) {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("expired", Jwt.issuer(ISSUER).audience(AUDIENCE).subject(user).preferredUserName(user)
                .groups(Set.of(roles)).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).jws().keyId("test").sign(KEYS.getPrivate()));
        forged.put("wrong issuer", Jwt.issuer("https://elsewhere.example/realms/petitions").audience(AUDIENCE).subject(user)
                .preferredUserName(user).groups(Set.of(roles)).expiresIn(Duration.ofMinutes(10)).jws().keyId("test")
                .sign(KEYS.getPrivate()));
        forged.put("wrong audience", tokenForAudience("another-api", user, roles));
        String[] parts = tokenFor("reception1", "reception").split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        forged.put("alg none", url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        // reception's signed token, its claims rewritten to an administrator's, the signature kept
        forged.put("tampered claims", parts[0] + "." + url.encodeToString(claims.replace("\"reception\"", "\"admin\"")
                .replace("\"reception1\"", "\"admin1\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        forged.put("another key", Jwt.issuer(ISSUER).audience(AUDIENCE).subject(user).preferredUserName(user)
                .groups(Set.of(roles)).expiresIn(Duration.ofMinutes(10)).jws().keyId("test").sign(generate().getPrivate()));
        return forged;
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
