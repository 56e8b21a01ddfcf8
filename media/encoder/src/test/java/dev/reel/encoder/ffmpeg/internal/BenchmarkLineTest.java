package dev.reel.encoder.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.encoder.ffmpeg.CpuTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchmarkLineTest {

    @Test
    void readsUserAndSystemTime() {
        String stderr = """
                [Parsed_ssim_7 @ 0x5632] SSIM Y:0.892751 (9.696064) All:0.891570 (9.648520)
                bench: utime=1.459s stime=0.158s rtime=0.548s
                bench: maxrss=126400kB
                """;

        assertThat(BenchmarkLine.parse(stderr)).isEqualTo(new CpuTime(Duration.ofMillis(1459), Duration.ofMillis(158)));
    }

    @Test
    void noBenchmarkLineGivesNull() {
        assertThat(BenchmarkLine.parse("Conversion failed!")).isNull();
    }
}
