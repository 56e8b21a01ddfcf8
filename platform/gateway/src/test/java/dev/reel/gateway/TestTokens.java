package dev.reel.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Access tokens shaped like identity's, signed with a test key, for the gateway's integration tests. */
public final class TestTokens {

    private TestTokens() {}

    /** A new 2048-bit RSA signing key with key id {@code keyId}. */
    public static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Identity's claims: a random subject and token id, {@code roles}, issued 15 minutes before it expires. */
    public static JWTClaimsSet.Builder claims(String issuer, List<String> roles, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .claim("roles", roles)
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
    }

    /** An identity-issued token for {@code roles}, valid for ten minutes, signed with {@code key}. */
    public static String token(RSAKey key, List<String> roles) {
        return sign(
                key,
                claims("reel-identity", roles, Instant.now().plusSeconds(600)).build());
    }

    /** Signs {@code claims} with RS256 under the key's id. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
