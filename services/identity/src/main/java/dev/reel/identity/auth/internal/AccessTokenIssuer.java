package dev.reel.identity.auth.internal;

import dev.reel.identity.IdentityProperties;
import dev.reel.identity.account.AccountView;
import dev.reel.identity.key.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens: RS256 with the shared key ({@code kid} header), claims {@code iss}, {@code sub} (account id),
 * {@code roles}, {@code email}, {@code iat}, {@code exp} and {@code jti}.
 */
@Component
class AccessTokenIssuer {

    static final String ROLES_CLAIM = "roles";
    static final String EMAIL_CLAIM = "email";

    private final JwtEncoder encoder;
    private final SigningKeys signingKeys;
    private final String issuer;
    private final Duration ttl;

    AccessTokenIssuer(JwtEncoder encoder, SigningKeys signingKeys, IdentityProperties properties) {
        this.encoder = encoder;
        this.signingKeys = signingKeys;
        this.issuer = properties.tokens().issuer();
        this.ttl = properties.tokens().accessTokenTtl();
    }

    /** The encoded token for {@code account}, issued at {@code now} (whole seconds, as JWT times are). */
    String issue(AccountView account, Instant now) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(signingKeys.activeKeyId())
                .type("JWT")
                .build();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(ROLES_CLAIM, account.roles())
                .claim(EMAIL_CLAIM, account.email())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    Duration ttl() {
        return ttl;
    }
}
