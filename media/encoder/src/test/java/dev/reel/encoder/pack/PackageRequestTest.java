package dev.reel.encoder.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.encoder.ladder.RateControl;
import dev.reel.encoder.ladder.Resolution;
import dev.reel.encoder.ladder.Rung;
import dev.reel.keystore.ContentKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageRequestTest {

    private static final ContentKey KEY = new ContentKey(
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff"),
            HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100"));

    private static Rung rung(int width, int height) {
        return new Rung(new Resolution(width, height), RateControl.CAPPED_VBR, 100_000, 150_000, 200_000, null, null);
    }

    @Test
    void videoIdsAreHeightsWithASuffixForRepeats() {
        assertThat(VideoInput.idsFor(List.of(rung(640, 360), rung(1280, 720), rung(480, 360), rung(560, 360))))
                .containsExactly("v360p", "v720p", "v360p-2", "v360p-3");
    }

    @Test
    void idsMustBeSafeAsDirectoryNames() {
        assertThatThrownBy(() -> new VideoInput("../x", rung(2, 2), Path.of("f")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioInput("A-eng", "eng", "English", 2, 1, Path.of("f")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubtitleInput("-s", "eng", "English", Path.of("f")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestNeedsVideoUniqueIdsAndAPositiveSegment() {
        VideoInput v = new VideoInput("v90p", rung(160, 90), Path.of("v.mp4"));
        Path out = Path.of("out");
        assertThatThrownBy(() ->
                        new PackageRequest(List.of(), List.of(), List.of(), null, Duration.ofSeconds(4), KEY, out, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PackageRequest(
                        List.of(v, v), List.of(), List.of(), null, Duration.ofSeconds(4), KEY, out, out))
                .hasMessageContaining("duplicate video id: v90p");
        assertThatThrownBy(
                        () -> new PackageRequest(List.of(v), List.of(), List.of(), null, Duration.ZERO, KEY, out, out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheKey() {
        PackageRequest request = new PackageRequest(
                List.of(new VideoInput("v90p", rung(160, 90), Path.of("v.mp4"))),
                List.of(),
                List.of(),
                null,
                Duration.ofSeconds(4),
                KEY,
                Path.of("out"),
                Path.of("work"));

        assertThat(request.toString())
                .contains("00112233445566778899aabbccddeeff")
                .doesNotContain("0f0e0d0c");
    }
}
