package dev.reel.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.gateway.ops.OpsOverview.BreakerView;
import dev.reel.gateway.ops.OpsOverview.InstanceView;
import dev.reel.gateway.ops.OpsOverview.ServiceView;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final ServiceView HEALTHY = service("catalog", instance("catalog-0", true));

    @Test
    void healthyWithoutAnyReason() {
        Verdict verdict = Verdict.of(List.of(HEALTHY), List.of(breaker("closed"), breaker("half_open")), 0.01, 0.01);

        assertThat(verdict).isEqualTo(new Verdict("healthy", List.of()));
    }

    @Test
    void degradedByADownInstanceAnOpenBreakerOrTooManyErrors() {
        assertThat(Verdict.of(
                                List.of(service("search", instance("search-0", true), instance("search-1", false))),
                                List.of(),
                                null,
                                0.01)
                        .reasons())
                .containsExactly("search-1 is down: health is DOWN");
        assertThat(Verdict.of(List.of(HEALTHY), List.of(breaker("forced_open")), null, 0.01))
                .isEqualTo(new Verdict("degraded", List.of("circuit breaker home is open on gateway-0")));
        assertThat(Verdict.of(List.of(HEALTHY), List.of(), 0.034, 0.01))
                .isEqualTo(new Verdict("degraded", List.of("error rate 3.4 % (above 1.0 %)")));
    }

    @Test
    void downWhenAServiceHasNoHealthyInstanceListedFirst() {
        Verdict verdict = Verdict.of(
                List.of(
                        service("catalog", instance("catalog-0", true), instance("catalog-1", false)),
                        service("playback", instance("playback-0", false))),
                List.of(breaker("open")),
                null,
                0.01);

        assertThat(verdict.status()).isEqualTo("down");
        assertThat(verdict.reasons())
                .containsExactly(
                        "playback has no healthy instance",
                        "catalog-1 is down: health is DOWN",
                        "circuit breaker home is open on gateway-0");
    }

    private static ServiceView service(String name, InstanceView... instances) {
        List<InstanceView> list = List.of(instances);
        return new ServiceView(name, Verdict.ofService(list), list, RequestCounters.NONE);
    }

    private static InstanceView instance(String id, boolean up) {
        return new InstanceView(
                id,
                "zone-a",
                "127.0.0.1",
                8000,
                up ? InstanceView.UP : InstanceView.DOWN,
                up ? "UP" : "DOWN",
                true,
                null,
                null,
                up ? null : "health is DOWN");
    }

    private static BreakerView breaker(String state) {
        return new BreakerView("gateway", "gateway-0", "home", state);
    }
}
