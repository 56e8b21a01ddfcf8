package dev.reel.encoder.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reel.encoder.probe.AudioTrack;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProbeException;
import dev.reel.encoder.probe.SubtitleTrack;
import dev.reel.encoder.probe.VideoStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FfprobeOutputTest {

    private static final String MOVIE = """
            {
              "streams": [
                {"index": 0, "codec_name": "h264", "codec_type": "video", "width": 1920, "height": 1080,
                 "pix_fmt": "yuv420p", "r_frame_rate": "24000/1001", "avg_frame_rate": "24000/1001",
                 "nb_frames": "240", "bit_rate": "4000000", "disposition": {"default": 1, "attached_pic": 0}},
                {"index": 1, "codec_name": "aac", "codec_type": "audio", "sample_rate": "48000", "channels": 2,
                 "disposition": {"default": 1}, "tags": {"language": "eng", "title": "Stereo"}},
                {"index": 2, "codec_name": "ac3", "codec_type": "audio", "sample_rate": "48000", "channels": 6,
                 "disposition": {"default": 0}, "tags": {"language": "FRA"}},
                {"index": 3, "codec_name": "subrip", "codec_type": "subtitle",
                 "disposition": {"default": 0, "forced": 1}, "tags": {"language": "und"}},
                {"index": 4, "codec_name": "mjpeg", "codec_type": "video", "width": 600, "height": 600,
                 "avg_frame_rate": "0/0", "r_frame_rate": "90000/1", "disposition": {"attached_pic": 1}}
              ],
              "format": {"format_name": "matroska,webm", "duration": "10.010000", "size": "5000000",
                         "bit_rate": "3996003"}
            }
            """;

    @Test
    void readsStreamsAndFormat() {
        MediaInfo info = FfprobeOutput.parse(MOVIE);

        assertThat(info.formatName()).isEqualTo("matroska,webm");
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(10_010));
        assertThat(info.sizeBytes()).isEqualTo(5_000_000);
        assertThat(info.bitRate()).isEqualTo(3_996_003L);
        VideoStream video = info.requireVideo();
        assertThat(video.index()).isZero();
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(1920);
        assertThat(video.frameRate()).isCloseTo(23.976, within(0.001));
        assertThat(video.frameCount()).isEqualTo(240L);
        assertThat(info.videoFrameCount()).isEqualTo(240);
        assertThat(info.audioTracks())
                .containsExactly(
                        new AudioTrack(1, "aac", "eng", "Stereo", 2, 48000, true),
                        new AudioTrack(2, "ac3", "fra", null, 6, 48000, false));
        assertThat(info.subtitleTracks()).containsExactly(new SubtitleTrack(3, "subrip", null, null, true, false));
        assertThat(info.keyframeTimes()).isNull();
    }

    @Test
    void audioWithCoverArtIsNotAVideo() {
        String json = """
                {"streams": [
                   {"index": 0, "codec_name": "mp3", "codec_type": "audio", "sample_rate": "44100", "channels": 2},
                   {"index": 1, "codec_name": "mjpeg", "codec_type": "video", "width": 500, "height": 500,
                    "disposition": {"attached_pic": 1}}],
                 "format": {"format_name": "mp3", "duration": "180.0"}}
                """;

        MediaInfo info = FfprobeOutput.parse(json);

        assertThat(info.video()).isNull();
        assertThatThrownBy(info::requireVideo)
                .isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("no video stream");
    }

    @Test
    void textReadAsAnsiArtIsNotAVideo() {
        String json = """
                {"streams": [{"index": 0, "codec_name": "ansi", "codec_type": "video", "width": 640, "height": 400,
                              "avg_frame_rate": "25/1"}],
                 "format": {"format_name": "tty", "duration": "0.04"}}
                """;

        assertThatThrownBy(() -> FfprobeOutput.parse(json).requireVideo())
                .isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("not a video");
    }

    @Test
    void noStreamsOrNoDurationIsCorrupt() {
        assertThatThrownBy(() -> FfprobeOutput.parse("{\"streams\": [], \"format\": {\"format_name\": \"mov\"}}"))
                .isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("no audio or video");
        assertThatThrownBy(() -> FfprobeOutput.parse("""
                        {"streams": [{"index": 0, "codec_name": "h264", "codec_type": "video", "width": 2,
                                      "height": 2, "avg_frame_rate": "25/1"}],
                         "format": {"format_name": "mov"}}
                        """))
                .isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("no duration");
        assertThatThrownBy(() -> FfprobeOutput.parse("not json")).isInstanceOf(MediaProbeException.class);
    }

    @Test
    void frameCountFallsBackToDurationTimesRate() {
        String json = """
                {"streams": [{"index": 0, "codec_name": "vp9", "codec_type": "video", "width": 640, "height": 360,
                              "avg_frame_rate": "25/1"}],
                 "format": {"format_name": "matroska,webm", "duration": "4.000"}}
                """;

        assertThat(FfprobeOutput.parse(json).videoFrameCount()).isEqualTo(100);
    }

    @Test
    void keyframeLinesAreRecognised() {
        assertThat(FfprobeOutput.keyframeTime("2.000000,K__")).isEqualTo(Duration.ofSeconds(2));
        assertThat(FfprobeOutput.keyframeTime("2.041667,___")).isNull();
        assertThat(FfprobeOutput.keyframeTime("N/A,K__")).isNull();
    }
}
