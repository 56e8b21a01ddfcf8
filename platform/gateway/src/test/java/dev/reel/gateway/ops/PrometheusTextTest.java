package dev.reel.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.gateway.ops.PrometheusText.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsCommentsAndOtherMetrics() {
        String text = """
                # HELP http_server_requests_seconds Duration of HTTP server request handling
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_count{method="GET",status="200",uri="/a"} 12.0
                http_server_requests_seconds_sum{method="GET",status="200",uri="/a"} 0.5 1700000000000

                jvm_threads_live_threads 42.0
                up 1
                """;

        List<Sample> samples = PrometheusText.parse(text, name -> !name.startsWith("jvm_"));

        assertThat(samples)
                .containsExactly(
                        new Sample(
                                "http_server_requests_seconds_count",
                                Map.of("method", "GET", "status", "200", "uri", "/a"),
                                12),
                        new Sample(
                                "http_server_requests_seconds_sum",
                                Map.of("method", "GET", "status", "200", "uri", "/a"),
                                0.5),
                        new Sample("up", Map.of(), 1));
    }

    @Test
    void unescapesLabelValuesAndKeepsCommasBracesAndSpacesInside() {
        String text = "m{a=\"x\\\"y\",b=\"back\\\\slash\",c=\"line\\nbreak\",d=\"{1, 2}\" , } 3\n";

        Sample sample = PrometheusText.parse(text, name -> true).getFirst();

        assertThat(sample.labels())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("a", "x\"y", "b", "back\\slash", "c", "line\nbreak", "d", "{1, 2}"));
        assertThat(sample.value()).isEqualTo(3);
    }

    @Test
    void readsInfinitiesNaNAndExponentsAndDropsExemplars() {
        String text = """
                a +Inf
                b -Inf
                c NaN
                d 1.5E-4
                e{le="0.1"} 7 # {trace_id="abc"} 0.05 1700000000.1
                """;

        List<Sample> samples = PrometheusText.parse(text, name -> true);

        assertThat(samples)
                .extracting(Sample::value)
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.5e-4, 7.0);
        assertThat(samples.getLast().label("le")).isEqualTo("0.1");
        assertThat(samples.getLast().label("missing")).isEmpty();
    }

    @Test
    void rejectsMalformedWantedLinesWithTheirLineNumber() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbad{a=\"x\" 1\n", name -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PrometheusText.parse("m{a=x} 1", name -> true)).hasMessageContaining("not quoted");
        assertThatThrownBy(() -> PrometheusText.parse("m one", name -> true)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PrometheusText.parse("m", name -> true)).hasMessageContaining("no value");
        // Lines of metrics nobody asked for are not even parsed.
        assertThat(PrometheusText.parse("other{broken 1", name -> name.equals("m")))
                .isEmpty();
    }
}
