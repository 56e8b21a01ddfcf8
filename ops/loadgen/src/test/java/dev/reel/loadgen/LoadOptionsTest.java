package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    private static final URI GATEWAY = URI.create("http://localhost:8080");

    private static LoadOptions options(double rate, int viewers) {
        return new LoadOptions(GATEWAY, rate, Duration.ofSeconds(10), viewers, Duration.ofSeconds(5), null);
    }

    @Test
    void viewersAreSizedForSixSecondsOfStartsBetweenEightAndTwoHundred() {
        assertThat(options(0.5, 0).viewerCount()).isEqualTo(8);
        assertThat(options(1.4, 0).viewerCount()).isEqualTo(9); // ceil(8.4)
        assertThat(options(10, 0).viewerCount()).isEqualTo(60);
        assertThat(options(33.4, 0).viewerCount()).isEqualTo(200); // ceil(200.4), capped
        assertThat(options(500, 0).viewerCount()).isEqualTo(200);
        assertThat(options(500, 3).viewerCount()).isEqualTo(3);
    }

    @Test
    void outOfRangeValuesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> options(0, 0)).hasMessageContaining("starts per second");
        assertThatThrownBy(() -> options(Double.NaN, 0)).hasMessageContaining("starts per second");
        assertThatThrownBy(() -> options(5000, 0)).hasMessageContaining("starts per second");
        assertThatThrownBy(() -> options(1, 201)).hasMessageContaining("viewers");
        assertThatThrownBy(() -> options(1, -1)).hasMessageContaining("viewers");
        assertThatThrownBy(() -> new LoadOptions(GATEWAY, 1, Duration.ZERO, 0, Duration.ofSeconds(1), null))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> new LoadOptions(GATEWAY, 1, Duration.ofSeconds(1), 0, Duration.ZERO, null))
                .hasMessageContaining("report interval");
        assertThatThrownBy(() -> new LoadOptions(
                        URI.create("localhost:8080"), 1, Duration.ofSeconds(1), 0, Duration.ofSeconds(1), null))
                .hasMessageContaining("gateway");
        assertThatThrownBy(() -> new LoadOptions(
                        URI.create("ftp://localhost/"), 1, Duration.ofSeconds(1), 0, Duration.ofSeconds(1), null))
                .hasMessageContaining("gateway");
    }

    @Test
    void theShortFormHasTheUsualDefaults() {
        LoadOptions options = LoadOptions.of(GATEWAY, 2, Duration.ofMinutes(1));
        assertThat(options.viewers()).isZero();
        assertThat(options.reportEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.reportFile()).isNull();
    }
}
