package dev.reel.identity.key.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class RsaKeysTest {

    @Test
    void generatesA2048BitKeyIdentifiedByItsThumbprint() throws Exception {
        RSAKey key = RsaKeys.generate();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void survivesTheRoundTripThroughDerBytes() throws Exception {
        RSAKey key = RsaKeys.generate();
        RSAKey restored = RsaKeys.fromDer(key.getKeyID(), RsaKeys.privateDer(key), RsaKeys.publicDer(key));
        assertThat(restored.toPublicJWK()).isEqualTo(key.toPublicJWK());

        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(new RSASSASigner(restored));
        assertThat(jwt.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
    }

    @Test
    void publicJwkCarriesNoPrivateParts() {
        RSAKey publicJwk = RsaKeys.generate().toPublicJWK();
        assertThat(publicJwk.isPrivate()).isFalse();
        assertThat(publicJwk.toJSONObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }
}
