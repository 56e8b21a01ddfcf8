package dev.reel.playback.licence;

import java.util.List;

/**
 * A W3C ClearKey licence: a JSON Web Key Set of symmetric keys.
 *
 * @param type always {@code temporary}
 */
public record LicenceResponse(List<Key> keys, String type) {

    public LicenceResponse {
        keys = List.copyOf(keys);
    }

    /**
     * @param kty always {@code oct}
     * @param kid the key id, base64url without padding
     * @param k the AES-128 key, base64url without padding
     */
    public record Key(String kty, String kid, String k) {}
}
