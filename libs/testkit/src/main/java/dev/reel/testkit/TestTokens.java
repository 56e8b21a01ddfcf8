package dev.reel.testkit;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs RS256 access tokens shaped like identity's with a key generated for the test run, so a service's
 * integration tests can act as members and admins without running identity. Register {@link #decoder()} as
 * the {@code JwtDecoder} bean; the service kit's JWKS-backed decoder then backs off.
 */
public final class TestTokens {

    private static final RSAKey KEY = generate();
    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));

    private TestTokens() {}

    /** Verifies tokens from {@link #token}; replaces the kit's JWKS-backed decoder in tests. */
    public static JwtDecoder decoder() {
        try {
            return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String admin(UUID account) {
        return token(account, List.of("member", "admin"));
    }

    public static String member(UUID account) {
        return token(account, List.of("member"));
    }

    public static String token(UUID account, List<String> roles) {
        try {
            var claims = JwtClaimsSet.builder()
                    .issuer("reel-identity")
                    .subject(account.toString())
                    .issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(600))
                    .id(UUID.randomUUID().toString())
                    .claim("roles", roles)
                    .build();
            var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build();
            return ENCODER.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
