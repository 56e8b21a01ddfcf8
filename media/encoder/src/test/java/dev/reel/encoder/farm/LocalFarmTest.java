package dev.reel.encoder.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LocalFarmTest {

    @Test
    void runsHigherPriorityFirstThenInOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        try (LocalFarm farm = LocalFarm.start(1)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> blocker = farm.submit(0, () -> {
                started.countDown();
                await(release);
                return null;
            });
            started.await();
            CompletableFuture<?> low = farm.submit(1, () -> order.add("low"));
            CompletableFuture<?> firstHigh = farm.submit(5, () -> order.add("high-1"));
            CompletableFuture<?> secondHigh = farm.submit(5, () -> order.add("high-2"));
            CompletableFuture<?> viaExecutor = CompletableFuture.runAsync(() -> order.add("mid"), farm.executor(3));
            release.countDown();
            CompletableFuture.allOf(blocker, low, firstHigh, secondHigh, viaExecutor)
                    .join();

            assertThat(order).containsExactly("high-1", "high-2", "mid", "low");
            assertThat(farm.completedTasks()).isEqualTo(5);
        }
    }

    @Test
    void failuresCompleteTheFutureExceptionally() {
        try (LocalFarm farm = LocalFarm.start(2)) {
            CompletableFuture<Object> failed = farm.submit(0, () -> {
                throw new IllegalStateException("boom");
            });

            assertThatThrownBy(failed::join)
                    .isInstanceOf(CompletionException.class)
                    .hasRootCauseMessage("boom");
        }
    }

    @Test
    void needsAtLeastOneWorker() {
        assertThatThrownBy(() -> LocalFarm.start(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
