package dev.reel.catalog.title.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.catalog.title.TitleMedia;
import dev.reel.events.encoding.EncodingCompleted;
import dev.reel.events.encoding.EncodingCompleted.Rendition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EncodedMediaTest {

    @Test
    void summarisesTheLadderCodecsAndLanguages() {
        var event = completed(
                5_999_600,
                List.of(
                        new Rendition("v360p", 640, 360, "avc1.64001e", 800_000, 600_000),
                        new Rendition("v1080p", 1920, 1080, "avc1.640028", 5_000_000, 4_000_000),
                        new Rendition("v720p", 1280, 720, "avc1.64001f", 3_000_000, 2_400_000)),
                List.of("avc1.64001e", "avc1.640028", "avc1.64001f", "mp4a.40.2", "mp4a.40.2"),
                List.of("eng", "fra", "eng"));

        EncodedMedia media = EncodedMedia.of(event);

        assertThat(media.maxHeight()).isEqualTo(1080);
        assertThat(media.codecs()).containsExactly("avc1.64001e", "avc1.640028", "avc1.64001f", "mp4a.40.2");
        assertThat(media.audioLanguages()).containsExactly("eng", "fra");
        assertThat(media.completedAt()).isEqualTo(event.occurredAt());
        assertThat(media.toApi())
                .isEqualTo(new TitleMedia(
                        "v-1",
                        6000,
                        1080,
                        List.of("avc1.64001e", "avc1.640028", "avc1.64001f", "mp4a.40.2"),
                        List.of("eng", "fra"),
                        List.of("eng")));
    }

    @Test
    void runtimeIsRoundedToTheNearestMinuteAndNeverZero() {
        assertThat(withDuration(5_400_000).runtimeMinutes()).isEqualTo(90);
        assertThat(withDuration(5_429_999).runtimeMinutes()).isEqualTo(90);
        assertThat(withDuration(5_430_000).runtimeMinutes()).isEqualTo(91);
        assertThat(withDuration(6_000).runtimeMinutes()).isEqualTo(1);
        assertThat(withDuration(6_000).durationSeconds()).isEqualTo(6);
        assertThat(withDuration(1_499).durationSeconds()).isEqualTo(1);
    }

    @Test
    void mediaThatCannotBePlayedIsRejected() {
        assertThatThrownBy(() -> EncodedMedia.of(completed(6_000, List.of(), List.of("avc1"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no video rendition");
        assertThatThrownBy(() -> EncodedMedia.of(completed(0, List.of(rung(360)), List.of("avc1"), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
    }

    private static EncodedMedia withDuration(long millis) {
        return EncodedMedia.of(completed(millis, List.of(rung(360)), List.of("avc1.64001e"), List.of("und")));
    }

    private static Rendition rung(int height) {
        return new Rendition("v" + height + "p", height * 16 / 9, height, "avc1.64001e", 800_000, 600_000);
    }

    private static EncodingCompleted completed(
            long durationMillis, List<Rendition> renditions, List<String> codecs, List<String> audio) {
        return new EncodingCompleted(
                UUID.randomUUID(),
                Instant.parse("2025-01-01T10:00:00Z"),
                EncodingCompleted.SCHEMA_VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "v-1",
                durationMillis,
                "PER_TITLE",
                renditions,
                codecs,
                audio,
                List.of("eng"),
                "00112233445566778899aabbccddeeff");
    }
}
