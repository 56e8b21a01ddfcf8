package dev.reel.kit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.kit.web.ProblemWriter;
import dev.reel.resilience.ChaosFault;
import dev.reel.resilience.ChaosSigner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChaosFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();
    private static final Instant IN_TEN_MINUTES = Instant.now().plus(Duration.ofMinutes(10));

    @TempDir
    Path directory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger served = new AtomicInteger();
    private ChaosSigner signer;
    private ChaosFilter filter;

    @BeforeEach
    void keyAndFilter() throws IOException {
        Path key = directory.resolve("secrets/chaos.key");
        ChaosSigner.createKeyFile(key);
        signer = ChaosSigner.fromKeyFile(key).orElseThrow();
        filter = new ChaosFilter(key, "catalog", new ProblemWriter(JSON), meters, Clock.systemUTC());
    }

    @Test
    void aSignedLatencyFaultForThisServiceDelaysTheRequest() throws Exception {
        String fault = signer.sign(fault("lat-1", "catalog", ChaosFault.Kind.LATENCY, 300));

        long started = System.nanoTime();
        MockHttpServletResponse response = run("/titles", fault);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(served).hasValue(1);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader(ChaosFilter.INJECTED_HEADER)).isEqualTo("latency");
        assertThat(injected("latency")).isEqualTo(1.0);
    }

    @Test
    void faultsForOtherServicesForgedAndExpiredOnesDoNothing() throws Exception {
        String forOthers = signer.sign(fault("lat-2", "playback", ChaosFault.Kind.ERRORS, 0));
        String forged = new ChaosSigner(new byte[32]).sign(fault("lat-3", "catalog", ChaosFault.Kind.ERRORS, 0));
        String expired = signer.sign(new ChaosFault(
                "lat-4",
                "catalog",
                ChaosFault.Kind.ERRORS,
                100,
                0,
                Instant.now().minusSeconds(1)));
        String genuine = signer.sign(fault("lat-5", "catalog", ChaosFault.Kind.ERRORS, 0));
        String tampered = genuine.substring(0, genuine.indexOf('.')) + forOthers.substring(forOthers.indexOf('.'));

        MockHttpServletResponse response = run("/titles", forOthers, forged, expired, tampered, "garbage");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(served).hasValue(1);
        assertThat(response.getHeader(ChaosFilter.INJECTED_HEADER)).isNull();
        assertThat(meters.counter("reel.chaos.rejected").count()).isEqualTo(4.0);
        assertThat(injected("errors")).isZero();
    }

    @Test
    void anErrorsFaultAnswersAProblemInsteadOfServing() throws Exception {
        MockHttpServletResponse response =
                run("/titles/7", signer.sign(fault("exp-9", "catalog", ChaosFault.Kind.ERRORS, 0)));

        assertThat(served).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeader(ChaosFilter.INJECTED_HEADER)).isEqualTo("errors");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.path("title").asString()).isEqualTo("Injected failure");
        assertThat(body.path("detail").asString()).isEqualTo("chaos fault exp-9 failed this request");
        assertThat(body.path("status").asInt()).isEqualTo(500);
        assertThat(injected("errors")).isEqualTo(1.0);
    }

    @Test
    void aKillFaultAnswers503WithNoBodyAndClosesTheConnection() throws Exception {
        MockHttpServletResponse response =
                run("/titles", signer.sign(fault("k-1", "catalog", ChaosFault.Kind.KILL, 0)));

        assertThat(served).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getHeader(ChaosFilter.INJECTED_HEADER)).isEqualTo("kill");
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.isCommitted()).isTrue();
    }

    @Test
    void commaJoinedValuesAreEachApplied() throws Exception {
        String latency = signer.sign(fault("lat-5", "catalog", ChaosFault.Kind.LATENCY, 50));
        String errors = signer.sign(fault("exp-5", "catalog", ChaosFault.Kind.ERRORS, 0));

        MockHttpServletResponse response = run("/titles", latency + ", " + errors);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(injected("latency")).isEqualTo(1.0);
        assertThat(injected("errors")).isEqualTo(1.0);
    }

    @Test
    void actuatorIsNeverTouched() throws Exception {
        MockHttpServletResponse response =
                run("/actuator/health", signer.sign(fault("k-2", "catalog", ChaosFault.Kind.KILL, 0)));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(served).hasValue(1);
    }

    @Test
    void withoutAKeyFileChaosIsOff() throws Exception {
        filter = new ChaosFilter(
                directory.resolve("nowhere/chaos.key"), "catalog", new ProblemWriter(JSON), meters, Clock.systemUTC());

        MockHttpServletResponse response =
                run("/titles", signer.sign(fault("k-3", "catalog", ChaosFault.Kind.KILL, 0)));

        assertThat(filter.active()).isFalse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(served).hasValue(1);
        assertThat(meters.counter("reel.chaos.rejected").count()).isZero();
    }

    private double injected(String kind) {
        return meters.counter("reel.chaos.injected", "fault", kind).count();
    }

    private static ChaosFault fault(String id, String target, ChaosFault.Kind kind, int latencyMillis) {
        return new ChaosFault(id, target, kind, 100, latencyMillis, IN_TEN_MINUTES);
    }

    private MockHttpServletResponse run(String path, String... chaosHeaders) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        for (String value : chaosHeaders) {
            request.addHeader(ChaosSigner.HEADER, value);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = (req, res) -> {
            served.incrementAndGet();
            ((HttpServletResponse) res).setStatus(200);
        };
        filter.doFilter(request, response, chain);
        return response;
    }
}
