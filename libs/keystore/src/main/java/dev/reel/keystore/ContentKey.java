package dev.reel.keystore;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A CENC content key: a 16-byte key id (the KID written into the packaged media) and the 16-byte AES-128
 * key it names.
 *
 * <p>The record copies both arrays on construction and on access, so callers can neither mutate nor be
 * mutated through it. {@link #toString()} prints only the key id; the key bytes are never printed. Two
 * content keys are equal when both the key id and the key are equal (compared in constant time).
 *
 * @param keyId the 16-byte key id
 * @param key the 16-byte AES-128 content key
 */
public record ContentKey(byte[] keyId, byte[] key) {

    /** Length in bytes of both the key id and the key. */
    public static final int LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Creates a content key from existing bytes.
     *
     * @throws IllegalArgumentException if either array is not exactly {@value #LENGTH} bytes long
     */
    public ContentKey {
        if (keyId.length != LENGTH) {
            throw new IllegalArgumentException("keyId must be " + LENGTH + " bytes, was " + keyId.length);
        }
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("key must be " + LENGTH + " bytes, was " + key.length);
        }
        keyId = keyId.clone();
        key = key.clone();
    }

    /** Generates a fresh random key id and key from a {@link SecureRandom}. */
    public static ContentKey generate() {
        byte[] keyId = new byte[LENGTH];
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(keyId);
        RANDOM.nextBytes(key);
        return new ContentKey(keyId, key);
    }

    /** Returns a copy of the key id. */
    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    /** Returns a copy of the key bytes; treat it as a secret and never log it. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /** Returns the key id as 32 lower-case hex digits, as used in manifests and licence requests. */
    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentKey that
                && Arrays.equals(keyId, that.keyId)
                && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyId);
    }

    /** Names the key id only; the key itself is never printed. */
    @Override
    public String toString() {
        return "ContentKey[keyId=" + keyIdHex() + ", key=<redacted>]";
    }
}
