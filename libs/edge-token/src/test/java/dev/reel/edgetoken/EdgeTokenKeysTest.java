package dev.reel.edgetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeTokenKeysTest {

    @TempDir
    Path dir;

    @Test
    void aCreatedFileHoldsOneOwnerOnlyKeyAndIsNotReplaced() throws IOException {
        Path file = dir.resolve("secrets/edge-token.keys");

        assertThat(EdgeTokenKeys.createIfAbsent(file)).isTrue();
        SequencedMap<String, byte[]> keys = EdgeTokenKeys.read(file);
        assertThat(keys).hasSize(1);
        assertThat(keys.firstEntry().getKey()).matches("k\\d{8}");
        assertThat(keys.firstEntry().getValue()).hasSize(EdgeTokens.MIN_SECRET_BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        assertThat(EdgeTokenKeys.createIfAbsent(file)).isFalse();
        assertThat(EdgeTokenKeys.read(file).firstEntry().getValue())
                .isEqualTo(keys.firstEntry().getValue());
    }

    @Test
    void theFirstKeySignsAndEveryKeyVerifies() throws IOException {
        String a = Base64.getEncoder().encodeToString(new byte[32]);
        String b = Base64.getEncoder().encodeToString(new byte[40]);
        Path file = Files.writeString(dir.resolve("keys"), "# comment\n\nnew " + a + "\nold " + b + "\n");

        SequencedMap<String, byte[]> keys = EdgeTokenKeys.read(file);

        assertThat(keys.sequencedKeySet()).containsExactly("new", "old");
        assertThat(EdgeTokenKeys.signing(keys).getKey()).isEqualTo("new");
    }

    @Test
    void badFilesAreRefusedWithTheLineAndWithoutTheSecret() throws IOException {
        String shortSecret = Base64.getEncoder().encodeToString(new byte[16]);
        String good = Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> EdgeTokenKeys.read(Files.writeString(dir.resolve("a"), "k1 " + shortSecret)))
                .hasMessageContaining("line 1")
                .hasMessageContaining("shorter")
                .hasMessageNotContaining(shortSecret);
        assertThatThrownBy(() -> EdgeTokenKeys.read(Files.writeString(dir.resolve("b"), "k1 %%%")))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> EdgeTokenKeys.read(Files.writeString(dir.resolve("c"), "k1 " + good + "\nk1 " + good)))
                .hasMessageContaining("line 2")
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> EdgeTokenKeys.read(Files.writeString(dir.resolve("d"), "# nothing\n")))
                .hasMessageContaining("no edge token key");
        assertThatThrownBy(() -> EdgeTokenKeys.read(Files.writeString(dir.resolve("e"), "just-one-field")))
                .hasMessageContaining("expected");
    }
}
