package dev.reel.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentKeyTest {

    @Test
    void generatesDistinct16ByteKeys() {
        ContentKey a = ContentKey.generate();
        ContentKey b = ContentKey.generate();

        assertThat(a.keyId()).hasSize(16);
        assertThat(a.key()).hasSize(16);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.keyIdHex())
                .matches("[0-9a-f]{32}")
                .isEqualTo(HexFormat.of().formatHex(a.keyId()));
    }

    @Test
    void toStringNeverPrintsTheKey() {
        ContentKey key = ContentKey.generate();

        assertThat(key.toString())
                .contains(key.keyIdHex())
                .doesNotContain(HexFormat.of().formatHex(key.key()))
                .doesNotContain(Arrays.toString(key.key()));
    }

    @Test
    void equalityIsByValueAndArraysAreCopied() {
        byte[] id = ContentKey.generate().keyId();
        byte[] secret = ContentKey.generate().key();
        ContentKey key = new ContentKey(id, secret);
        secret[0] ^= 1;
        key.key()[1] ^= 1;

        assertThat(key).isEqualTo(new ContentKey(id, key.key())).hasSameHashCodeAs(new ContentKey(id, key.key()));
        assertThat(key.key()[0]).isNotEqualTo(secret[0]);
        assertThat(key).isNotEqualTo(new ContentKey(id, secret));
    }

    @Test
    void rejectsWrongLengths() {
        assertThatThrownBy(() -> new ContentKey(new byte[15], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentKey(new byte[16], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
