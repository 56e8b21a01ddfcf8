package dev.reel.keystore;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.sql.DataSource;

/**
 * Reads content keys back by unwrapping them with the licence private key. Only the licence endpoint
 * (playback) constructs one; nothing else in Reel has the private key.
 *
 * <p>A key is returned only when it unwraps under this private key and matches the check value stored with
 * it, so a reader never returns a wrong key: with the wrong private key, or a tampered row, it throws.
 * Thread-safe.
 */
public final class ContentKeyReader {

    private final DataSource keysDb;
    private final PrivateKey licencePrivate;

    /**
     * @param keysDb the key store database ({@code keys}), migrated by {@link ContentKeyWriter#migrate()}
     * @param licencePrivate the licence private key (RSA, at least 2048 bits)
     * @throws IllegalArgumentException if the key is not a usable RSA private key
     */
    public ContentKeyReader(DataSource keysDb, PrivateKey licencePrivate) {
        KeyWrapping.cipher(Cipher.DECRYPT_MODE, licencePrivate);
        this.keysDb = keysDb;
        this.licencePrivate = licencePrivate;
    }

    /**
     * The content key with this key id, or empty if none is stored.
     *
     * @throws IllegalArgumentException if {@code keyId} is not 16 bytes
     * @throws IllegalStateException if the stored key cannot be unwrapped with this private key (wrong licence
     *     key pair) or fails its check, or if the database cannot be read
     */
    public Optional<ContentKey> find(byte[] keyId) {
        if (keyId.length != ContentKey.LENGTH) {
            throw new IllegalArgumentException("keyId must be " + ContentKey.LENGTH + " bytes, was " + keyId.length);
        }
        List<ContentKey> keys = query("WHERE key_id = ?", statement -> statement.setBytes(1, keyId));
        return keys.stream().findFirst();
    }

    /**
     * Every content key stored for a title, oldest first (a re-encoded title has one per job).
     *
     * @throws IllegalStateException as for {@link #find(byte[])}
     */
    public List<ContentKey> forTitle(UUID titleId) {
        return query("WHERE title_id = ? ORDER BY created_at, key_id", statement -> statement.setObject(1, titleId));
    }

    private List<ContentKey> query(String where, Binder binder) {
        try (Connection connection = keysDb.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT key_id, wrapped_key, algorithm, key_check FROM content_keys " + where)) {
            binder.bind(statement);
            List<ContentKey> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(unwrap(
                            rows.getBytes("key_id"),
                            rows.getBytes("wrapped_key"),
                            rows.getString("algorithm"),
                            rows.getBytes("key_check")));
                }
            }
            return List.copyOf(keys);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the content key store", e);
        }
    }

    private ContentKey unwrap(byte[] keyId, byte[] wrapped, String algorithm, byte[] check) {
        String hex = HexFormat.of().formatHex(keyId);
        if (!KeyWrapping.ALGORITHM.equals(algorithm)) {
            throw new IllegalStateException("content key " + hex + " is wrapped with unsupported " + algorithm);
        }
        byte[] key;
        try {
            key = KeyWrapping.cipher(Cipher.DECRYPT_MODE, licencePrivate).doFinal(wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "content key " + hex + " cannot be unwrapped with this licence private key"
                            + " (it was wrapped under a different licence key pair, or the row is corrupt)",
                    e);
        }
        if (key.length != ContentKey.LENGTH) {
            throw new IllegalStateException("content key " + hex + " unwrapped to " + key.length + " bytes, not 16");
        }
        ContentKey contentKey = new ContentKey(keyId, key);
        Arrays.fill(key, (byte) 0);
        if (!MessageDigest.isEqual(KeyWrapping.check(contentKey), check)) {
            throw new IllegalStateException("content key " + hex + " does not match its stored check value");
        }
        return contentKey;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
