package dev.reel.identity.key;

import java.util.Map;

/**
 * The key material every identity instance shares. The key pair is created once, by whichever instance starts
 * first, and read back by all others; it survives restarts.
 */
public interface SigningKeys {

    /** The {@code kid} of the key that signs new access tokens (its RFC 7638 thumbprint). */
    String activeKeyId();

    /** The public keys as a JWK Set document ({@code {"keys":[...]}}), safe to publish. */
    Map<String, Object> publicJwkSet();
}
