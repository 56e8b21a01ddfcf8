package dev.reel.encoder.upload.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilenamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "master.mp4",
                "The Wire S01E01 (2002) [master].mov",
                "naïve café – 東京.mkv",
                "a",
                "release.v2.mxf",
                "no extension"
            })
    void acceptsPlainNames(String name) {
        assertThat(Filenames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "a/b.mp4",
                "/etc/passwd",
                "..",
                ".",
                "..\\windows\\system32",
                "c:\\movies\\a.mp4",
                "a..mp4",
                ".hidden.mp4",
                "\u0000x.mp4",
                "x\u0000.mp4",
                "line\nbreak.mp4",
                "tab\t.mp4",
                "bell\u0007.mp4",
                "evil\u202Egnp.mp4",
                "zero\u200Bwidth.mp4",
                "del\u007F.mp4",
                " leading.mp4",
                "trailing.mp4 ",
                "   ",
                ""
            })
    void refusesTraversalAndOddCharacters(String name) {
        assertThat(Filenames.problem(name)).isPresent();
    }

    @Test
    void refusesMissingAndOverlongNames() {
        assertThat(Filenames.problem(null)).contains("filename is required");
        assertThat(Filenames.problem("a".repeat(251) + ".mp4")).isEmpty();
        assertThat(Filenames.problem("a".repeat(252) + ".mp4")).get().asString().contains("255");
        // 128 two-byte characters are 256 bytes in UTF-8, though only 128 characters.
        assertThat(Filenames.problem("é".repeat(128))).get().asString().contains("255");
    }

    @Test
    void namesTheOffendingCharacter() {
        assertThat(Filenames.problem("evil\u202Egnp.mp4")).get().asString().contains("U+202E");
    }

    @Test
    void extensionIsShortAsciiInLowerCaseElseBin() {
        assertThat(Filenames.extension("Master.MOV")).isEqualTo("mov");
        assertThat(Filenames.extension("a.b.mkv")).isEqualTo("mkv");
        assertThat(Filenames.extension("no extension")).isEqualTo("bin");
        assertThat(Filenames.extension("trailing.")).isEqualTo("bin");
        assertThat(Filenames.extension("odd.m$v")).isEqualTo("bin");
        assertThat(Filenames.extension("long.abcdefghijk")).isEqualTo("bin");
        assertThat(Filenames.extension("unicode.mövie")).isEqualTo("bin");
    }
}
