package dev.reel.encoder.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegBinariesTest {

    @TempDir
    Path dir;

    private Path executable(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        return Files.createFile(
                directory.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @Test
    void findsBothOnPath() throws IOException {
        Path bin = dir.resolve("bin");
        Path ffmpeg = executable(bin, "ffmpeg");
        Path ffprobe = executable(bin, "ffprobe");

        assertThat(FfmpegBinaries.locate(Map.of("PATH", dir.resolve("empty") + ":" + bin)))
                .isEqualTo(new FfmpegBinaries(ffmpeg, ffprobe));
    }

    @Test
    void environmentVariableWinsAndFfprobeIsTakenFromNextToIt() throws IOException {
        executable(dir.resolve("bin"), "ffmpeg");
        executable(dir.resolve("bin"), "ffprobe");
        Path custom = executable(dir.resolve("custom"), "ffmpeg");
        Path customProbe = executable(dir.resolve("custom"), "ffprobe");

        assertThat(FfmpegBinaries.locate(
                        Map.of("PATH", dir.resolve("bin").toString(), "REEL_FFMPEG", custom.toString())))
                .isEqualTo(new FfmpegBinaries(custom, customProbe));
    }

    @Test
    void missingFfmpegFailsWithAHint() {
        assertThatThrownBy(() -> FfmpegBinaries.locate(Map.of("PATH", dir.toString())))
                .isInstanceOf(FfmpegNotFoundException.class)
                .hasMessageContaining("REEL_FFMPEG")
                .hasMessageContaining("apt-get install -y ffmpeg");
    }

    @Test
    void environmentVariableMustNameAnExecutable() {
        assertThatThrownBy(() -> FfmpegBinaries.locate(
                        Map.of("REEL_FFMPEG", dir.resolve("nope").toString())))
                .isInstanceOf(FfmpegNotFoundException.class)
                .hasMessageContaining("not an executable");
    }
}
