package dev.reel.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"t1", "3f2a1c9e-7b4d-4e8a-9c1f-0a2b3c4d5e6f", "a", "title_2.remaster", "0"})
    void acceptsTitleIds(String id) {
        assertThat(OriginPaths.requireTitleId(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|must not be empty",
                "..|must start with a lower-case letter or digit",
                ".hidden|must start with a lower-case letter or digit",
                "-a|must start with a lower-case letter or digit",
                "Title|must start with a lower-case letter or digit",
                "a/b|may only contain",
                "a\\b|may only contain",
                "a b|may only contain",
                "tïtle|may only contain",
            })
    void rejectsTitleIds(String id, String message) {
        assertThatThrownBy(() -> OriginPaths.requireTitleId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\nb", "a\u007f", "a\u0085"})
    void rejectsControlCharactersInTitleIds(String id) {
        assertThatThrownBy(() -> OriginPaths.requireTitleId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "master.m3u8",
                "video/720p/seg-00001.m4s",
                "audio/en/init.mp4",
                "subs/pt-BR.vtt",
                "trickplay/sprite_001.jpg",
                "a+b=c@d,e~f.bin",
                "x..y.mp4"
            })
    void acceptsRelativePaths(String path) {
        assertThat(OriginPaths.requireRelativePath(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"\"|must not be empty",
                "/etc/passwd|must be relative",
                "../secret|'..' segments",
                "video/../../secret|'..' segments",
                "video/..|'..' segments",
                "./master.m3u8|'.' segment",
                "video//seg.m4s|empty segment",
                "video/|empty segment",
                "video\\seg.m4s|backslashes",
                "..\\..\\windows|backslashes",
                "video/.hidden|must not start with '.'",
                "C:/x|may only contain",
                "seg 1.m4s|may only contain",
                "sëg.m4s|may only contain",
                "a%2F..%2Fb|may only contain",
            })
    void rejectsRelativePaths(String path, String message) {
        assertThatThrownBy(() -> OriginPaths.requireRelativePath(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\rb", "a\tb", "seg\u001b.m4s"})
    void rejectsControlCharactersInPaths(String path) {
        assertThatThrownBy(() -> OriginPaths.requireRelativePath(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
    }

    @org.junit.jupiter.api.Test
    void boundsLengths() {
        assertThat(OriginPaths.requireTitleId("a".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> OriginPaths.requireTitleId("a".repeat(129))).hasMessageContaining("longer than 128");
        assertThatThrownBy(() -> OriginPaths.requireRelativePath("a".repeat(256)))
                .hasMessageContaining("longer than 255");
        assertThatThrownBy(() -> OriginPaths.requireRelativePath(("a".repeat(200) + "/").repeat(6) + "b"))
                .hasMessageContaining("longer than 1024");
        assertThatThrownBy(() -> OriginPaths.requireRelativePath("a/".repeat(16) + "b"))
                .hasMessageContaining("more than 16 segments");
        assertThat(OriginPaths.requireRelativePath("a/".repeat(15) + "b")).isNotEmpty();
    }
}
