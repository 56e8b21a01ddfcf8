package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aTransferLineShowsBarPercentBytesRateAndEta() {
        assertThat(ProgressBar.transfer(12_600_000, 30_000_000, 5_100_000))
                .isEqualTo("[============>                 ]  42%  12.6 MB / 30.0 MB  5.1 MB/s  ETA 0:04");
    }

    @Test
    void anUnknownRateHasNoEtaAndACompleteTransferAFullBar() {
        assertThat(ProgressBar.transfer(0, 1000, 0))
                .isEqualTo("[>                             ]   0%  0 B / 1.0 kB  -- MB/s  ETA --:--");
        assertThat(ProgressBar.transfer(1000, 1000, 0))
                .isEqualTo("[==============================] 100%  1.0 kB / 1.0 kB  -- MB/s  ETA 0:00");
    }

    @Test
    void percentReaches100OnlyWhenComplete() {
        assertThat(ProgressBar.percent(0.999)).isEqualTo(" 99%");
        assertThat(ProgressBar.percent(1)).isEqualTo("100%");
        assertThat(ProgressBar.percent(-1)).isEqualTo("  0%");
    }

    @Test
    void doneIsClampedToTheTotal() {
        assertThat(ProgressBar.transferLine(5000, 1000, 1e6))
                .isEqualTo("upload 100% (1.0 kB of 1.0 kB) at 1.0 MB/s, ETA 0:00");
    }

    @Test
    void bytesUseDecimalUnits() {
        assertThat(ProgressBar.bytes(999)).isEqualTo("999 B");
        assertThat(ProgressBar.bytes(1_500)).isEqualTo("1.5 kB");
        assertThat(ProgressBar.bytes(8_388_608)).isEqualTo("8.4 MB");
        assertThat(ProgressBar.bytes(3_200_000_000L)).isEqualTo("3.20 GB");
    }

    @Test
    void durationsAreMinutesAndSecondsOrHours() {
        assertThat(ProgressBar.duration(0)).isEqualTo("0:00");
        assertThat(ProgressBar.duration(75)).isEqualTo("1:15");
        assertThat(ProgressBar.duration(3 * 3600 + 62)).isEqualTo("3:01:02");
        assertThat(ProgressBar.eta(10_000_000, 1_000_000)).isEqualTo("0:10");
        assertThat(ProgressBar.eta(10_000_001, 1_000_000)).as("rounded up").isEqualTo("0:11");
    }

    @Test
    void jobLinesShowStateStageAndEtaUntilFinished() {
        UUID id = UUID.randomUUID();
        assertThat(ProgressBar.jobLine(new Job(id, "ENCODING", "rung 720p", 45.4, 80L, null)))
                .isEqualTo("job 45% encoding (rung 720p), ETA 1:20");
        assertThat(ProgressBar.job(new Job(id, "QUEUED", null, 0, null, null)))
                .isEqualTo("[>                             ]   0%  queued  ETA --:--");
        assertThat(ProgressBar.jobLine(new Job(id, "DONE", null, 100, 0L, null)))
                .isEqualTo("job 100% done");
    }
}
