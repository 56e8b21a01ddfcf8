package dev.reel.identity.key.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.reel.identity.IdentityProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The key feature's beans: the shared {@link DatabaseSigningKeys}, a {@link JwtEncoder} that signs with the active
 * key, and a {@link JwtDecoder} that verifies with identity's own public keys (so the service-kit's JWKS-fetching
 * decoder backs off and identity never calls itself).
 */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

    @Bean
    DatabaseSigningKeys signingKeys(SigningKeyRepository repository, Clock clock) {
        return new DatabaseSigningKeys(repository, clock);
    }

    @Bean
    JwtEncoder jwtEncoder(DatabaseSigningKeys signingKeys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKeys.activeKey())));
    }

    @Bean
    JwtDecoder jwtDecoder(DatabaseSigningKeys signingKeys, IdentityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(signingKeys.publicKeys()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(
                JwtValidators.createDefaultWithIssuer(properties.tokens().issuer()));
        return decoder;
    }
}
