package dev.reel.kit.shedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.netflix.concurrency.limits.Limit;
import dev.reel.kit.web.ProblemWriter;
import dev.reel.resilience.Criticality;
import dev.reel.resilience.PriorityLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LoadSheddingFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private final RecordingLimit limit = new RecordingLimit(4);
    private final PriorityLimiter limiter = PriorityLimiter.newBuilder("kit-test", new SimpleMeterRegistry())
            .limit(limit)
            .build();
    private final LoadSheddingFilter filter = new LoadSheddingFilter(limiter, "kit-test", new ProblemWriter(JSON));
    private final AtomicInteger served = new AtomicInteger();

    @Test
    void bestEffortIsShedFirstWithTheProblemOfTheContractWhileCriticalAndDegradedPass() throws Exception {
        hold(Criticality.CRITICAL, 2); // best effort may fill half of the limit of 4

        MockHttpServletResponse shed = run(request("/things/1", "best-effort"), status(200));
        assertThat(served).hasValue(0);
        assertThat(shed.getStatus()).isEqualTo(503);
        assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(shed.getHeader(LoadSheddingFilter.SHED_HEADER)).isEqualTo("best-effort");
        assertThat(shed.getContentType()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(shed.getContentAsString());
        assertThat(body.path("type").asString()).isEqualTo("about:blank");
        assertThat(body.path("title").asString()).isEqualTo("Service overloaded");
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("detail").asString())
                .isEqualTo("kit-test is shedding best-effort requests under load; retry after 1 s");
        assertThat(body.path("instance").asString()).isEqualTo("/things/1");

        assertThat(run(request("/things/1", "critical"), status(200)).getStatus())
                .isEqualTo(200);
        assertThat(run(request("/things/1", null), status(200)).getStatus()).isEqualTo(200);
        assertThat(served).hasValue(2);
        assertThat(limiter.getInflight()).isEqualTo(2);
    }

    @Test
    void criticalIsShedOnlyOnceTheWholeLimitIsInFlight() throws Exception {
        hold(Criticality.CRITICAL, 3);
        assertThat(run(request("/x", "degraded"), status(200)).getStatus()).isEqualTo(200);
        assertThat(run(request("/x", "critical"), status(200)).getStatus()).isEqualTo(200);

        hold(Criticality.CRITICAL, 1);
        MockHttpServletResponse degraded = run(request("/x", "degraded"), status(200));
        assertThat(degraded.getStatus()).isEqualTo(503);
        assertThat(degraded.getHeader(LoadSheddingFilter.SHED_HEADER)).isEqualTo("degraded");
        MockHttpServletResponse critical = run(request("/x", "critical"), status(200));
        assertThat(critical.getStatus()).isEqualTo(503);
        assertThat(critical.getHeader(LoadSheddingFilter.SHED_HEADER)).isEqualTo("critical");
    }

    @Test
    void actuatorIsNeverLimited() throws Exception {
        hold(Criticality.CRITICAL, 4);
        assertThat(run(request("/actuator/health", "best-effort"), status(200)).getStatus())
                .isEqualTo(200);
        assertThat(run(request("/actuator/prometheus", "best-effort"), status(200))
                        .getStatus())
                .isEqualTo(200);
        assertThat(run(request("/things", "best-effort"), status(200)).getStatus())
                .isEqualTo(503);
        assertThat(limiter.getInflight()).isEqualTo(4);
    }

    @Test
    void uploadsBypassTheLimiter() throws Exception {
        hold(Criticality.CRITICAL, 4);
        MockHttpServletRequest chunk = request("/api/v1/studio/uploads/1", "degraded");
        chunk.setContent(new byte[(int) LoadSheddingFilter.UPLOAD_BYTES + 1]);
        assertThat(run(chunk, status(200)).getStatus()).isEqualTo(200);

        MockHttpServletRequest small = request("/api/v1/studio/uploads/1", "degraded");
        small.setContent(new byte[(int) LoadSheddingFilter.UPLOAD_BYTES]);
        assertThat(run(small, status(200)).getStatus()).isEqualTo(503);
        assertThat(limit.samples).isEmpty();
    }

    @Test
    void howARequestEndsDecidesWhatTheLimitLearns() throws Exception {
        run(request("/ok", null), status(204));
        assertThat(limit.samples).containsExactly(false);

        run(request("/missing", null), status(404));
        assertThat(limit.samples).as("a 4xx says nothing about capacity").containsExactly(false);

        run(request("/broken", null), status(503));
        assertThat(limit.samples).as("a 5xx is a drop").containsExactly(false, true);

        assertThatThrownBy(() -> run(request("/throws", null), (req, res) -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(limit.samples).as("an exception is a drop").containsExactly(false, true, true);

        MockHttpServletRequest stream = request("/events", null);
        stream.setAsyncSupported(true);
        run(stream, (req, res) -> req.startAsync());
        assertThat(stream.isAsyncStarted()).isTrue();
        assertThat(limit.samples).as("a stream holds no slot").containsExactly(false, true, true);

        assertThat(limiter.getInflight()).isZero();
    }

    private void hold(Criticality criticality, int requests) {
        for (int i = 0; i < requests; i++) {
            assertThat(limiter.acquire(criticality)).isPresent();
        }
    }

    private FilterChain status(int status) {
        return (request, response) -> {
            served.incrementAndGet();
            ((HttpServletResponse) response).setStatus(status);
        };
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static MockHttpServletRequest request(String path, @Nullable String criticality) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (criticality != null) {
            request.addHeader(Criticality.HEADER, criticality);
        }
        return request;
    }

    /** A fixed limit that records, for each latency sample, whether it was a drop. */
    private static final class RecordingLimit implements Limit {
        final List<Boolean> samples = new CopyOnWriteArrayList<>();
        private final int limit;

        RecordingLimit(int limit) {
            this.limit = limit;
        }

        @Override
        public int getLimit() {
            return limit;
        }

        @Override
        public void notifyOnChange(Consumer<Integer> consumer) {}

        @Override
        public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
            samples.add(didDrop);
        }
    }
}
