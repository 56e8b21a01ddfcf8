package dev.reel.kit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.kit.shedding.LoadSheddingFilter;
import dev.reel.resilience.ChaosSigner;
import dev.reel.resilience.Criticality;
import dev.reel.resilience.RetryBudget;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ResilientClientsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theCallersCriticalityChaosAndCohortHeadersTravelOn() throws Exception {
        MockHttpServletRequest incoming = new MockHttpServletRequest("GET", "/home");
        incoming.addHeader(HttpHeaders.AUTHORIZATION, "Bearer t");
        incoming.addHeader(Criticality.HEADER, "critical");
        incoming.addHeader(ChaosSigner.HEADER, "fault-a.sig");
        incoming.addHeader(ChaosSigner.HEADER, "fault-b.sig");
        incoming.addHeader(ChaosSigner.COHORT_HEADER, "experiment");
        incoming.addHeader("X-Unrelated", "no");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(incoming));

        HttpHeaders sent = send(new MockClientHttpRequest(HttpMethod.GET, URI.create("http://catalog/titles")));

        assertThat(sent.get(HttpHeaders.AUTHORIZATION)).containsExactly("Bearer t");
        assertThat(sent.get(Criticality.HEADER)).containsExactly("critical");
        assertThat(sent.get(ChaosSigner.HEADER)).containsExactly("fault-a.sig", "fault-b.sig");
        assertThat(sent.get(ChaosSigner.COHORT_HEADER)).containsExactly("experiment");
        assertThat(sent.containsHeader("X-Unrelated")).isFalse();

        var ownCriticality = new MockClientHttpRequest(HttpMethod.GET, URI.create("http://catalog/titles"));
        ownCriticality.getHeaders().set(Criticality.HEADER, "best-effort");
        assertThat(send(ownCriticality).get(Criticality.HEADER)).containsExactly("best-effort");
    }

    @Test
    void aTaskHandedToAnotherThreadCarriesTheHeadersOfTheRequestThatMadeIt() throws Exception {
        MockHttpServletRequest incoming = new MockHttpServletRequest("GET", "/home");
        incoming.addHeader(Criticality.HEADER, "degraded");
        incoming.addHeader(ChaosSigner.HEADER, "fault-a.sig");
        incoming.addHeader(ChaosSigner.COHORT_HEADER, "experiment");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(incoming));
        Callable<HttpHeaders> row = ResilientClients.withCallerHeaders(
                () -> send(new MockClientHttpRequest(HttpMethod.GET, URI.create("http://viewing/continue"))));
        // The request may be over by the time the task runs.
        RequestContextHolder.resetRequestAttributes();

        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpHeaders sent = workers.submit(row).get();
            assertThat(sent.get(Criticality.HEADER)).containsExactly("degraded");
            assertThat(sent.get(ChaosSigner.HEADER)).containsExactly("fault-a.sig");
            assertThat(sent.get(ChaosSigner.COHORT_HEADER)).containsExactly("experiment");

            HttpHeaders unwrapped = workers.submit(() ->
                            send(new MockClientHttpRequest(HttpMethod.GET, URI.create("http://viewing/continue"))))
                    .get();
            assertThat(unwrapped.containsHeader(ChaosSigner.HEADER)).isFalse();
        }
    }

    @Test
    void outsideARequestNothingIsAdded() throws Exception {
        HttpHeaders sent = send(new MockClientHttpRequest(HttpMethod.GET, URI.create("http://catalog/titles")));

        assertThat(sent.containsHeader(Criticality.HEADER)).isFalse();
        assertThat(sent.containsHeader(ChaosSigner.HEADER)).isFalse();
    }

    @Test
    void aShedAnswerAndARefusedConnectionAreRetried() {
        ResilientClients.Guard guard = guard(new RetryBudget(0.1, 5));

        assertThat(guard.call(() -> attempts.incrementAndGet() == 1 ? throwShed() : "served", false))
                .isEqualTo("served");
        assertThat(attempts).hasValue(2);

        attempts.set(0);
        assertThat(guard.call(
                        () -> {
                            if (attempts.incrementAndGet() < 3) {
                                throw new ResourceAccessException("refused", new ConnectException("refused"));
                            }
                            return "served";
                        },
                        false))
                .isEqualTo("served");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        ResilientClients.Guard guard = guard(new RetryBudget(0.1, 5));

        assertThatThrownBy(() -> guard.call(
                        () -> {
                            attempts.incrementAndGet();
                            throw HttpServerErrorException.create(
                                    HttpStatus.SERVICE_UNAVAILABLE, "down", new HttpHeaders(), new byte[0], null);
                        },
                        false))
                .isInstanceOf(HttpServerErrorException.class);
        assertThat(attempts).as("a 503 that is not a shed answer").hasValue(1);

        attempts.set(0);
        assertThatThrownBy(() -> guard.call(
                        () -> {
                            attempts.incrementAndGet();
                            throw HttpClientErrorException.create(
                                    HttpStatus.NOT_FOUND, "gone", new HttpHeaders(), new byte[0], null);
                        },
                        false))
                .isInstanceOf(HttpClientErrorException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theBudgetKeepsRetriesToATenthOfTheCalls() {
        RetryBudget budget = new RetryBudget(0.1, 0);
        ResilientClients.Guard guard = guard(budget);
        int calls = 100;

        for (int i = 0; i < calls; i++) {
            assertThatThrownBy(() -> guard.call(
                            () -> {
                                attempts.incrementAndGet();
                                return throwShed();
                            },
                            false))
                    .isInstanceOf(HttpServerErrorException.class);
        }

        // Without the budget every call would make 3 attempts (300); with it, retries stay at 10 % of the calls.
        assertThat(attempts.get()).isBetween(calls + 1, calls + calls / 10);
        assertThat(meters.counter("reel.client.retry.budget.exhausted").count()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void aRefusedConnectionIsRetriedWithoutBudgetSinceNothingReachedTheTarget() {
        ResilientClients.Guard guard = guard(new RetryBudget(0.1, 0));

        for (int i = 0; i < 10; i++) {
            attempts.set(0);
            assertThat(guard.call(
                            () -> {
                                if (attempts.incrementAndGet() == 1) {
                                    throw new ResourceAccessException("refused", new ConnectException("refused"));
                                }
                                return "served";
                            },
                            false))
                    .isEqualTo("served");
            assertThat(attempts).hasValue(2);
        }
        assertThat(meters.counter("reel.client.retry.budget.exhausted").count()).isZero();
    }

    @Test
    void aReadWhoseConnectionBrokeIsRetriedWithinTheBudgetButAWriteOrATimedOutReadIsNot() {
        ResilientClients.Guard guard = guard(new RetryBudget(0.1, 5));
        var broken = new ResourceAccessException("reset", new IOException("Connection reset"));

        assertThat(guard.call(failingOnce(broken), true)).isEqualTo("served");
        assertThat(attempts).as("a read").hasValue(2);

        attempts.set(0);
        assertThatThrownBy(() -> guard.call(failingOnce(broken), false)).isSameAs(broken);
        assertThat(attempts).as("a write may have been applied").hasValue(1);

        attempts.set(0);
        var timedOut = new ResourceAccessException("slow", new HttpTimeoutException("request timed out"));
        assertThatThrownBy(() -> guard.call(failingOnce(timedOut), true)).isSameAs(timedOut);
        assertThat(attempts).as("a slow instance is alive").hasValue(1);

        attempts.set(0);
        var notAccepted = new ResourceAccessException("slow connect", new HttpConnectTimeoutException("connect"));
        assertThat(guard.call(failingOnce(notAccepted), false))
                .as("a connection never made reached nothing")
                .isEqualTo("served");
        assertThat(attempts).hasValue(2);
    }

    /** A call whose first attempt fails with {@code failure} and whose next ones answer "served". */
    private Supplier<String> failingOnce(RuntimeException failure) {
        return () -> {
            if (attempts.incrementAndGet() == 1) {
                throw failure;
            }
            return "served";
        };
    }

    private ResilientClients.Guard guard(RetryBudget budget) {
        var neverOpens = CircuitBreakerConfig.custom()
                .minimumNumberOfCalls(10_000)
                .slidingWindowSize(10_000)
                .build();
        return new ResilientClients.Guard(
                CircuitBreaker.of("target", neverOpens),
                Retry.of("target", ResilientClients.retryConfig(3, false)),
                Retry.of("target.reads", ResilientClients.retryConfig(3, true)),
                Bulkhead.ofDefaults("target"),
                budget,
                Counter.builder("reel.client.retry.budget.exhausted").register(meters));
    }

    private static String throwShed() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(LoadSheddingFilter.SHED_HEADER, "degraded");
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        throw HttpServerErrorException.create(
                HttpStatus.SERVICE_UNAVAILABLE, "shed", headers, new byte[0], StandardCharsets.UTF_8);
    }

    private static HttpHeaders send(MockClientHttpRequest request) throws Exception {
        AtomicReference<HttpHeaders> sent = new AtomicReference<>();
        ResilientClients.forwardCallerHeaders().intercept(request, new byte[0], (outgoing, body) -> {
            sent.set(HttpHeaders.copyOf(outgoing.getHeaders()));
            return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
        });
        return sent.get();
    }
}
