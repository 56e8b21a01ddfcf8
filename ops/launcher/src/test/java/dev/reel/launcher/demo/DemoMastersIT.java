package dev.reel.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo masters, generated with the real ffmpeg and checked with ffprobe. */
class DemoMastersIT {

    @TempDir
    Path directory;

    @BeforeAll
    static void ffmpegIsInstalled() {
        assertThat(DemoMasters.available("ffmpeg"))
                .as("ffmpeg must be on the PATH for this test (apt-get install ffmpeg)")
                .isTrue();
    }

    @Test
    void theCartoonHasVideoTwoTaggedAudioTracksAndSubtitles() throws Exception {
        var masters = new DemoMasters(directory.resolve("masters"), "ffmpeg", directory.resolve("demo.log"));

        Path master = masters.ensure(DemoClip.FLAT_CARTOON);

        assertThat(probe(master, "stream=codec_type,codec_name,width,height,r_frame_rate:stream_tags=language"))
                .containsExactly(
                        "stream|codec_name=h264|codec_type=video|width=640|height=360|r_frame_rate=24/1|tag:language=und",
                        "stream|codec_name=aac|codec_type=audio|r_frame_rate=0/0|tag:language=eng",
                        "stream|codec_name=aac|codec_type=audio|r_frame_rate=0/0|tag:language=fra",
                        "stream|codec_name=mov_text|codec_type=subtitle|width=N/A|height=N/A|r_frame_rate=0/0"
                                + "|tag:language=eng");
        double seconds =
                Double.parseDouble(probe(master, "format=duration").getFirst().replace("format|duration=", ""));
        assertThat(seconds).isBetween(7.9, 8.2);
        try (var files = Files.list(directory.resolve("masters"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("flat-cartoon.mp4");
        }
    }

    @Test
    void anExistingMasterIsReusedAndAFailedRunLeavesNothing() throws Exception {
        var masters = new DemoMasters(directory.resolve("masters"), "ffmpeg", directory.resolve("demo.log"));
        Path master = masters.ensure(DemoClip.TEST_PATTERN);
        assertThat(probe(master, "stream=codec_name"))
                .containsExactly("stream|codec_name=h264", "stream|codec_name=aac");
        FileTime generated = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(master, generated);

        assertThat(masters.ensure(DemoClip.TEST_PATTERN)).isEqualTo(master);
        assertThat(Files.getLastModifiedTime(master)).isEqualTo(generated);

        var broken = new DemoMasters(directory.resolve("broken"), "false", directory.resolve("demo.log"));
        assertThatThrownBy(() -> broken.ensure(DemoClip.FRACTAL_ZOOM))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ffmpeg failed for fractal-zoom");
        try (var files = Files.list(directory.resolve("broken"))) {
            assertThat(files).isEmpty();
        }
    }

    private static List<String> probe(Path file, String entries) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "ffprobe", "-v", "error", "-show_entries", entries, "-of", "compact", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.lines().toList();
    }
}
