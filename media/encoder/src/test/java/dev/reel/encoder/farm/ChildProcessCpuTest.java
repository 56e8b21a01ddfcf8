package dev.reel.encoder.farm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChildProcessCpuTest {

    @Test
    void readsANonNegativeTotalOnLinux() {
        assertThat(ChildProcessCpu.total())
                .hasValueSatisfying(total -> assertThat(total).isGreaterThanOrEqualTo(Duration.ZERO));
    }
}
