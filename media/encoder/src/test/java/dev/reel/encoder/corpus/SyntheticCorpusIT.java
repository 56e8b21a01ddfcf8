package dev.reel.encoder.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProber;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusIT {

    @TempDir
    Path work;

    @Test
    void everyClipBecomesAPlayableMasterWithEnglishAudio() {
        FfmpegRunner runner = FfmpegRunner.fromEnvironment();
        CorpusSpec spec = CorpusSpec.builder().size(192, 108).seconds(1).build();
        List<SyntheticMaster> masters;
        try (var executor = Executors.newFixedThreadPool(2)) {
            masters = new SyntheticCorpus(runner)
                    .generateAll(spec, work, 1, executor)
                    .join();
        }
        MediaProber prober = new MediaProber(runner);

        assertThat(masters).extracting(SyntheticMaster::clip).containsExactly(SyntheticClip.values());
        for (SyntheticMaster master : masters) {
            MediaInfo info = prober.probe(master.file());
            assertThat(master.file().getFileName()).hasToString(master.clip().id() + ".mp4");
            assertThat(List.of(info.requireVideo().width(), info.requireVideo().height()))
                    .containsExactly(192, 108);
            assertThat(info.videoFrameCount()).isEqualTo(24);
            assertThat(info.audioTracks()).singleElement().satisfies(audio -> assertThat(audio.language())
                    .isEqualTo("eng"));
        }
    }
}
