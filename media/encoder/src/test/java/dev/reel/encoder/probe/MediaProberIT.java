package dev.reel.encoder.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reel.encoder.corpus.CorpusSpec;
import dev.reel.encoder.corpus.SyntheticClip;
import dev.reel.encoder.corpus.SyntheticCorpus;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProberIT {

    @TempDir
    static Path work;

    static FfmpegRunner runner;
    static MediaProber prober;
    static Path master;

    @BeforeAll
    static void generateMaster() {
        runner = FfmpegRunner.fromEnvironment();
        prober = new MediaProber(runner);
        CorpusSpec spec = CorpusSpec.builder()
                .size(320, 240)
                .seconds(3)
                .clips(List.of(SyntheticClip.TEST_PATTERN))
                .build();
        master = new SyntheticCorpus(runner)
                .generate(SyntheticClip.TEST_PATTERN, spec, work, 1)
                .file();
    }

    @Test
    void readsVideoAudioAndKeyframes() {
        MediaInfo info = prober.probe(master, true);

        assertThat(info.formatName()).contains("mp4");
        assertThat(info.duration().toMillis()).isBetween(2900L, 3100L);
        VideoStream video = info.requireVideo();
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(List.of(video.width(), video.height())).containsExactly(320, 240);
        assertThat(video.frameRate()).isCloseTo(24, within(0.01));
        assertThat(info.videoFrameCount()).isEqualTo(72);
        assertThat(info.audioTracks()).singleElement().satisfies(audio -> {
            assertThat(audio.codec()).isEqualTo("aac");
            assertThat(audio.language()).isEqualTo("eng");
            assertThat(audio.channels()).isEqualTo(2);
        });
        assertThat(info.subtitleTracks()).isEmpty();
        assertThat(info.keyframeTimes()).containsExactly(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void readsSubtitleTracksWithTheirLanguage() throws IOException {
        Path srt = Files.writeString(work.resolve("fr.srt"), "1\n00:00:00,500 --> 00:00:02,000\nBonjour\n");
        Path mkv = work.resolve("with-subs.mkv");
        runner.ffmpeg(List.of(
                "-i",
                FfmpegRunner.fileArgument(master),
                "-i",
                FfmpegRunner.fileArgument(srt),
                "-map",
                "0",
                "-map",
                "1",
                "-c",
                "copy",
                "-c:s",
                "srt",
                "-metadata:s:s:0",
                "language=fra",
                FfmpegRunner.fileArgument(mkv)));

        assertThat(prober.probe(mkv).subtitleTracks()).singleElement().satisfies(subtitle -> {
            assertThat(subtitle.codec()).isEqualTo("subrip");
            assertThat(subtitle.language()).isEqualTo("fra");
        });
        prober.checkDecodes(mkv);

        // The same in MP4 (mov_text): subtitles are not part of the decode check, which has nothing to encode them to.
        Path mp4 = work.resolve("with-subs.mp4");
        runner.ffmpeg(List.of(
                "-i",
                FfmpegRunner.fileArgument(mkv),
                "-map",
                "0",
                "-c",
                "copy",
                "-c:s",
                "mov_text",
                FfmpegRunner.fileArgument(mp4)));
        assertThat(prober.probe(mp4).subtitleTracks())
                .singleElement()
                .satisfies(subtitle -> assertThat(subtitle.codec()).isEqualTo("mov_text"));
        prober.checkDecodes(mp4);
    }

    @Test
    void completeFileDecodes() {
        prober.checkDecodes(master);
    }

    @Test
    void rejectsTextEmptyAndMissingFiles() throws IOException {
        Path text = Files.writeString(work.resolve("notes.txt"), "This is not a video.\n".repeat(50));
        Path empty = Files.createFile(work.resolve("empty.mp4"));

        assertThatThrownBy(() -> prober.probe(text).requireVideo()).isInstanceOf(MediaProbeException.class);
        assertThatThrownBy(() -> prober.probe(empty))
                .isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> prober.probe(work.resolve("missing.mp4")))
                .isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("No such file");
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        byte[] bytes = Files.readAllBytes(master);
        Path truncated = Files.write(work.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> {
                    prober.probe(truncated);
                    prober.checkDecodes(truncated);
                })
                .isInstanceOf(MediaProbeException.class);
    }

    @Test
    void audioOnlyFileHasNoVideo() {
        Path audio = work.resolve("audio.m4a");
        runner.ffmpeg(List.of(
                "-i", FfmpegRunner.fileArgument(master), "-vn", "-c:a", "copy", FfmpegRunner.fileArgument(audio)));

        MediaInfo info = prober.probe(audio);

        assertThat(info.video()).isNull();
        assertThat(info.audioTracks()).hasSize(1);
        assertThatThrownBy(info::requireVideo).isInstanceOf(MediaProbeException.class);
    }
}
