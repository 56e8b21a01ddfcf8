package dev.reel.keystore;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Stores content keys, wrapped under the licence public key. It holds no private key and has no read
 * method: a process that can write keys (the encoder) can never read one back.
 *
 * <p>Thread-safe; one instance per process is enough.
 */
public final class ContentKeyWriter {

    private final DataSource keysDb;
    private final PublicKey licencePublic;

    /**
     * @param keysDb the key store database ({@code keys}); never the database the content metadata lives in
     * @param licencePublic the licence public key (RSA, at least 2048 bits; {@link LicenceKeys#generate()} makes
     *     3072)
     * @throws IllegalArgumentException if the key is not a usable RSA public key
     */
    public ContentKeyWriter(DataSource keysDb, PublicKey licencePublic) {
        KeyWrapping.cipher(Cipher.ENCRYPT_MODE, licencePublic);
        this.keysDb = keysDb;
        this.licencePublic = licencePublic;
    }

    /**
     * Creates or upgrades the key store schema with Flyway from {@code classpath:db/keystore}, using its own
     * history table {@code keystore_schema_history} so it can share a database with other schemas. Safe to
     * call on every start and from several processes.
     */
    public void migrate() {
        Flyway.configure(ContentKeyWriter.class.getClassLoader())
                .dataSource(keysDb)
                .locations("classpath:db/keystore")
                .table("keystore_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * Stores {@code key} for a title, wrapped under the licence public key. Idempotent on the key id: storing
     * the same key for the same title again (a retried job) does nothing and keeps the first row.
     *
     * @throws IllegalStateException if the key id is already stored with a different key or for a different
     *     title, or if the database cannot be written
     */
    public void store(UUID titleId, UUID jobId, ContentKey key) {
        byte[] keyId = key.keyId();
        byte[] check = KeyWrapping.check(key);
        byte[] wrapped = wrap(key);
        try (Connection connection = keysDb.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO content_keys (key_id, title_id, job_id, wrapped_key, algorithm, key_check)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (key_id) DO NOTHING""")) {
                insert.setBytes(1, keyId);
                insert.setObject(2, titleId);
                insert.setObject(3, jobId);
                insert.setBytes(4, wrapped);
                insert.setString(5, KeyWrapping.ALGORITHM);
                insert.setBytes(6, check);
                if (insert.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement existing =
                    connection.prepareStatement("SELECT title_id, key_check FROM content_keys WHERE key_id = ?")) {
                existing.setBytes(1, keyId);
                try (ResultSet row = existing.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("content key " + key.keyIdHex() + " vanished during store");
                    }
                    if (!MessageDigest.isEqual(check, row.getBytes("key_check"))) {
                        throw new IllegalStateException(
                                "key id " + key.keyIdHex() + " is already stored with a different key");
                    }
                    UUID storedTitle = row.getObject("title_id", UUID.class);
                    if (!titleId.equals(storedTitle)) {
                        throw new IllegalStateException("key id " + key.keyIdHex() + " is already stored for title "
                                + storedTitle + ", not " + titleId);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store content key " + key.keyIdHex(), e);
        }
    }

    private byte[] wrap(ContentKey key) {
        try {
            return KeyWrapping.cipher(Cipher.ENCRYPT_MODE, licencePublic).doFinal(key.key());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap content key " + key.keyIdHex(), e);
        }
    }
}
