package dev.reel.identity.key.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.reel.identity.key.SigningKeys;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing keys loaded once at start-up from {@code signing_keys}. When the table has no active key, this instance
 * generates one and inserts it if still absent, then reads back whichever key won, so concurrent first starts agree
 * on one key.
 */
final class DatabaseSigningKeys implements SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSigningKeys.class);

    private final RSAKey activeKey;
    private final JWKSet publicKeys;

    DatabaseSigningKeys(SigningKeyRepository repository, Clock clock) {
        this.activeKey = repository.findActive().orElseGet(() -> {
            RSAKey generated = RsaKeys.generate();
            if (repository.insertActiveIfAbsent(generated, clock.instant())) {
                log.info("Generated signing key {}", generated.getKeyID());
            }
            return repository.findActive().orElseThrow(() -> new IllegalStateException("No active signing key"));
        });
        List<JWK> publicJwks = repository.findAll().stream()
                .map(RSAKey::toPublicJWK)
                .map(JWK.class::cast)
                .toList();
        this.publicKeys = new JWKSet(publicJwks);
        log.info("Signing with key {} ({} published)", activeKey.getKeyID(), publicJwks.size());
    }

    /** The active key pair, private part included; never leaves the key feature. */
    RSAKey activeKey() {
        return activeKey;
    }

    /** The public keys that verify tokens. */
    JWKSet publicKeys() {
        return publicKeys;
    }

    @Override
    public String activeKeyId() {
        return activeKey.getKeyID();
    }

    @Override
    public Map<String, Object> publicJwkSet() {
        return publicKeys.toJSONObject(true);
    }
}
