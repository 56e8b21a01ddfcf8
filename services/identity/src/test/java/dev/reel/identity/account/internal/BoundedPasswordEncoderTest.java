package dev.reel.identity.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.kit.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    @Test
    void runsAtMostTheBoundAtOnceAndTurnsAwayWhoWaitsTooLong() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(@Nullable CharSequence rawPassword) {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                inside.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return "hash";
            }

            @Override
            public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
                return true;
            }
        };
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 1, Duration.ofMillis(100));

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<@Nullable String> first = pool.submit(() -> bounded.encode("a"));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> bounded.encode("b")).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            });

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hash");
        }
        assertThat(bounded.encode("c")).isEqualTo("hash");
        assertThat(maxRunning.get()).isEqualTo(1);
    }
}
