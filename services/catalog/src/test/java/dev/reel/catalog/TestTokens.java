package dev.reel.catalog;

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

/** Signs RS256 access tokens shaped like identity's with a key generated for this test run. */
final class TestTokens {

    private static final RSAKey KEY = generate();
    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));

    private TestTokens() {}

    /** Verifies tokens from {@link #token}; replaces the kit's JWKS-backed decoder in tests. */
    static JwtDecoder decoder() {
        try {
            return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String admin(UUID account) {
        return token(account, List.of("member", "admin"));
    }

    static String member(UUID account) {
        return token(account, List.of("member"));
    }

    static String token(UUID account, List<String> roles) {
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
