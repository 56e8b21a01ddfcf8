package dev.reel.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reel.gateway.ops.RequestCounters.Bucket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InstanceMetricsTest {

    @Test
    void countsRequestsByStatusClassWithoutTheActuatorAndReadsBreakersFromRealMicrometerText() {
        String text = new MicrometerPage(true)
                .requests("POST", "/api/v1/playback/sessions", 201, 3, Duration.ofMillis(20))
                .requests("POST", "/api/v1/playback/sessions", 403, 1, Duration.ofMillis(5))
                .requests("GET", "/api/v1/titles/{id}", 500, 2, Duration.ofMillis(200))
                .requests("GET", "/actuator/prometheus", 200, 50, Duration.ofMillis(1))
                .breaker("catalog", true)
                .breaker("viewing", false)
                .scrape();

        InstanceMetrics metrics = InstanceMetrics.parse(text);

        RequestCounters requests = metrics.requests();
        assertThat(requests.count()).isEqualTo(6);
        assertThat(requests.byStatusClass())
                .containsEntry("2xx", 3L)
                .containsEntry("4xx", 1L)
                .containsEntry("5xx", 2L);
        assertThat(requests.serverErrors()).isEqualTo(2);
        assertThat(requests.sumSeconds()).isCloseTo(0.465, within(1e-9));
        assertThat(requests.buckets())
                .containsExactly(new Bucket(0.01, 1), new Bucket(0.05, 4), new Bucket(0.1, 4), new Bucket(0.5, 6));
        assertThat(metrics.streamStarts()).isEqualTo(3);
        assertThat(metrics.breakers()).containsEntry("catalog", "open").containsEntry("viewing", "closed");
    }

    @Test
    void withoutHistogramsThereAreNoBucketsButCountsAndSums() {
        String text = new MicrometerPage(false)
                .requests("GET", "/api/v1/home", 200, 4, Duration.ofMillis(100))
                .scrape();

        InstanceMetrics metrics = InstanceMetrics.parse(text);

        assertThat(metrics.requests().count()).isEqualTo(4);
        assertThat(metrics.requests().sumSeconds()).isCloseTo(0.4, within(1e-9));
        assertThat(metrics.requests().buckets()).isEmpty();
        assertThat(metrics.breakers()).isEmpty();
    }

    @Test
    void countersAddUpAcrossInstancesBucketByBucket() {
        RequestCounters a = InstanceMetrics.parse(new MicrometerPage(true)
                        .requests("GET", "/a", 200, 2, Duration.ofMillis(5))
                        .scrape())
                .requests();
        RequestCounters b = InstanceMetrics.parse(new MicrometerPage(true)
                        .requests("GET", "/a", 503, 1, Duration.ofMillis(80))
                        .scrape())
                .requests();

        RequestCounters sum = a.plus(b);

        assertThat(sum.count()).isEqualTo(3);
        assertThat(sum.byStatusClass()).containsEntry("2xx", 2L).containsEntry("5xx", 1L);
        assertThat(sum.buckets())
                .containsExactly(new Bucket(0.01, 2), new Bucket(0.05, 2), new Bucket(0.1, 3), new Bucket(0.5, 3));
        assertThat(RequestCounters.NONE.plus(a)).isEqualTo(a);
    }
}
