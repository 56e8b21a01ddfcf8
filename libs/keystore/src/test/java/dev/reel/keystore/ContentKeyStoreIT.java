package dev.reel.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContentKeyStoreIT {

    private static EmbeddedPostgres postgres;
    private static DataSource keysDb;
    private static KeyPair licence;
    private static ContentKeyWriter writer;
    private static ContentKeyReader reader;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        keysDb = postgres.getPostgresDatabase();
        licence = LicenceKeys.generate();
        writer = new ContentKeyWriter(keysDb, licence.getPublic());
        writer.migrate();
        reader = new ContentKeyReader(keysDb, licence.getPrivate());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void storedKeyReadsBackWithThePrivateKey() {
        ContentKey key = ContentKey.generate();
        UUID title = UUID.randomUUID();

        writer.store(title, UUID.randomUUID(), key);

        assertThat(reader.find(key.keyId())).contains(key);
        assertThat(reader.forTitle(title)).containsExactly(key);
        assertThat(reader.find(ContentKey.generate().keyId())).isEmpty();
    }

    @Test
    void forTitleListsEveryKeyOfThatTitleOnly() {
        UUID title = UUID.randomUUID();
        ContentKey first = ContentKey.generate();
        ContentKey second = ContentKey.generate();
        writer.store(title, UUID.randomUUID(), first);
        writer.store(title, UUID.randomUUID(), second);
        writer.store(UUID.randomUUID(), UUID.randomUUID(), ContentKey.generate());

        assertThat(reader.forTitle(title)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void readerWithAnotherPrivateKeyCannotUnwrap() {
        ContentKey key = ContentKey.generate();
        writer.store(UUID.randomUUID(), UUID.randomUUID(), key);
        ContentKeyReader stranger =
                new ContentKeyReader(keysDb, LicenceKeys.generate().getPrivate());

        assertThatThrownBy(() -> stranger.find(key.keyId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(key.keyIdHex())
                .hasMessageContaining("cannot be unwrapped with this licence private key");
    }

    @Test
    void storeIsIdempotentOnKeyId() throws SQLException {
        ContentKey key = ContentKey.generate();
        UUID title = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        writer.store(title, job, key);
        byte[] wrappedBefore = wrappedKey(key);

        writer.store(title, job, new ContentKey(key.keyId(), key.key()));

        assertThat(count("SELECT count(*) FROM content_keys WHERE key_id = '\\x" + key.keyIdHex() + "'"))
                .isEqualTo(1);
        assertThat(wrappedKey(key)).isEqualTo(wrappedBefore);
        assertThat(reader.find(key.keyId())).contains(key);
    }

    @Test
    void sameKeyIdWithAnotherKeyIsRejectedAndTheFirstKeyKept() {
        ContentKey key = ContentKey.generate();
        UUID title = UUID.randomUUID();
        writer.store(title, UUID.randomUUID(), key);
        ContentKey impostor = new ContentKey(key.keyId(), ContentKey.generate().key());

        assertThatThrownBy(() -> writer.store(title, UUID.randomUUID(), impostor))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("different key");
        assertThat(reader.find(key.keyId())).contains(key);
    }

    @Test
    void sameKeyForAnotherTitleIsRejected() {
        ContentKey key = ContentKey.generate();
        writer.store(UUID.randomUUID(), UUID.randomUUID(), key);

        assertThatThrownBy(() -> writer.store(UUID.randomUUID(), UUID.randomUUID(), key))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already stored for title");
    }

    @Test
    void tableHoldsNoPlaintextKeyBytes() throws SQLException {
        List<ContentKey> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ContentKey key = ContentKey.generate();
            keys.add(key);
            writer.store(UUID.randomUUID(), UUID.randomUUID(), key);
        }

        byte[] dump = tableDump();

        for (ContentKey key : keys) {
            assertThat(indexOf(dump, key.keyId())).as("key id is stored").isNotNegative();
            assertThat(indexOf(dump, key.key()))
                    .as("key %s in clear", key.keyIdHex())
                    .isNegative();
            String hexKey = HexFormat.of().formatHex(key.key());
            assertThat(new String(dump, StandardCharsets.ISO_8859_1)).doesNotContain(hexKey);
        }
    }

    @Test
    void aMovedWrappedKeyIsNeverReturnedUnderAnotherKeyId() throws SQLException {
        ContentKey a = ContentKey.generate();
        ContentKey b = ContentKey.generate();
        UUID title = UUID.randomUUID();
        writer.store(title, UUID.randomUUID(), a);
        writer.store(title, UUID.randomUUID(), b);
        try (Connection connection = keysDb.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE content_keys SET wrapped_key = (SELECT wrapped_key FROM content_keys"
                    + " WHERE key_id = '\\x" + a.keyIdHex() + "') WHERE key_id = '\\x" + b.keyIdHex() + "'");
        }

        assertThatThrownBy(() -> reader.find(b.keyId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match its stored check value");
    }

    @Test
    void migrateTwiceIsHarmlessAndUsesItsOwnHistoryTable() throws SQLException {
        writer.migrate();

        assertThat(count("SELECT count(*) FROM keystore_schema_history WHERE success AND version = '1'"))
                .isEqualTo(1);
    }

    private static byte[] wrappedKey(ContentKey key) throws SQLException {
        try (Connection connection = keysDb.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT wrapped_key FROM content_keys WHERE key_id = '\\x" + key.keyIdHex() + "'")) {
            assertThat(row.next()).isTrue();
            return row.getBytes(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = keysDb.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Every column of every row, raw bytes and text, concatenated. */
    private static byte[] tableDump() throws SQLException {
        var out = new ByteArrayOutputStream();
        try (Connection connection = keysDb.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM content_keys")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    Object value = rows.getObject(c);
                    byte[] bytes = value instanceof byte[] raw
                            ? raw
                            : String.valueOf(value).getBytes(StandardCharsets.ISO_8859_1);
                    out.writeBytes(bytes);
                }
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
