package dev.reel.resilience.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import reactor.core.publisher.Flux;

class InstanceQuarantineTest {

    private static final ServiceInstance A =
            new DefaultServiceInstance("identity-a", "identity", "127.0.0.1", 9001, false);
    private static final ServiceInstance B =
            new DefaultServiceInstance("identity-b", "identity", "127.0.0.1", 9002, false);

    private final InstanceQuarantine quarantine = new InstanceQuarantine(Duration.ofMillis(300));

    @Test
    void aConnectionFailureEjectsTheInstanceForTheEjectionTime() throws Exception {
        quarantine.onComplete(failed(A, new ResourceAccessException("refused", new ConnectException("refused"))));

        assertThat(quarantine.isEjected(A)).isTrue();
        assertThat(quarantine.isEjected(B)).isFalse();
        assertThat(healthy(A, B)).containsExactly(B);

        Thread.sleep(400);
        assertThat(quarantine.isEjected(A)).isFalse();
        assertThat(healthy(A, B)).containsExactly(A, B);
    }

    @Test
    void anHttpErrorOrASuccessEjectsNothing() {
        quarantine.onComplete(failed(
                A,
                HttpServerErrorException.create(
                        org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, "boom", null, null, null)));
        quarantine.onComplete(
                new CompletionContext<>(CompletionContext.Status.SUCCESS, null, new DefaultResponse(B), null));

        assertThat(quarantine.isEjected(A)).isFalse();
        assertThat(quarantine.isEjected(B)).isFalse();
    }

    @Test
    void whenEveryInstanceIsEjectedAllAreOfferedRatherThanNone() {
        quarantine.eject(A);
        quarantine.eject(B);

        assertThat(healthy(A, B)).containsExactly(A, B);
    }

    private List<ServiceInstance> healthy(ServiceInstance... instances) {
        ServiceInstanceListSupplier discovery = new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "identity";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(List.of(instances));
            }
        };
        return new HealthyInstanceListSupplier(discovery, quarantine).get().blockFirst();
    }

    private static CompletionContext<Object, ServiceInstance, Object> failed(
            ServiceInstance instance, Throwable error) {
        return new CompletionContext<>(
                CompletionContext.Status.FAILED, error, new DefaultRequest<>(), new DefaultResponse(instance));
    }
}
