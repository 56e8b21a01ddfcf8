package dev.reel.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    /** A clock that only moves when the loop sleeps. */
    private static final class FakeClock {
        long now = 1_000;
        final List<Long> sleptUntil = new ArrayList<>();

        long now() {
            return now;
        }

        void sleepUntil(long nanoTime) {
            sleptUntil.add(nanoTime);
            now = Math.max(now, nanoTime);
        }
    }

    @Test
    void startsAreSpacedEvenlyOverTheDuration() {
        OpenLoop<String> loop = new OpenLoop<>(4, Duration.ofSeconds(3));
        assertThat(loop.starts()).isEqualTo(12);
        assertThat(loop.dueNanos(0)).isZero();
        assertThat(loop.dueNanos(1)).isEqualTo(250_000_000L);
        assertThat(loop.dueNanos(11)).isEqualTo(2_750_000_000L);
        assertThat(new OpenLoop<String>(2.5, Duration.ofSeconds(4)).starts()).isEqualTo(10);
        assertThat(new OpenLoop<String>(0.1, Duration.ofSeconds(1)).starts()).isEqualTo(1);
        assertThat(new OpenLoop<String>(1.0 / 3, Duration.ofSeconds(30)).starts())
                .isEqualTo(10);
    }

    @Test
    void eachStartWaitsForItsOwnDueTimeNotForEarlierStarts() throws InterruptedException {
        OpenLoop<String> loop = new OpenLoop<>(10, Duration.ofSeconds(1));
        FakeClock clock = new FakeClock();
        Queue<String> idle = new ArrayDeque<>(List.of("a"));
        List<String> launched = new ArrayList<>();

        long overruns = loop.run(
                idle,
                viewer -> {
                    launched.add(viewer);
                    idle.add(viewer); // finishes at once
                },
                clock::now,
                clock::sleepUntil);

        assertThat(overruns).isZero();
        assertThat(launched).hasSize(10).containsOnly("a");
        assertThat(clock.sleptUntil).hasSize(10);
        for (int k = 0; k < 10; k++) {
            assertThat(clock.sleptUntil.get(k)).isEqualTo(1_000 + k * 100_000_000L);
        }
    }

    @Test
    void aStartDueWhileEveryViewerIsBusyIsAnOverrunAndNotMadeUpLater() throws InterruptedException {
        OpenLoop<String> loop = new OpenLoop<>(10, Duration.ofSeconds(1));
        FakeClock clock = new FakeClock();
        Queue<String> idle = new ArrayDeque<>(List.of("a", "b", "c"));
        List<String> busy = new ArrayList<>();

        // Viewers never come back: only three starts can be handed out.
        long overruns = loop.run(idle, busy::add, clock::now, clock::sleepUntil);

        assertThat(busy).containsExactly("a", "b", "c");
        assertThat(overruns).isEqualTo(7);
    }

    @Test
    void startsSlowerThanTheScheduleOverrunWithOneViewerButNotWithTwo() throws InterruptedException {
        assertThat(runWithStartsTaking(Duration.ofMillis(300), "a")).isEqualTo(new Outcome(2, List.of("a", "a")));
        assertThat(runWithStartsTaking(Duration.ofMillis(300), "a", "b"))
                .isEqualTo(new Outcome(0, List.of("a", "b", "a", "b")));
    }

    private record Outcome(long overruns, List<String> order) {}

    /** 4 starts per second for 1 s, each taking {@code took}: a viewer is idle again once its start is over. */
    private static Outcome runWithStartsTaking(Duration took, String... viewers) throws InterruptedException {
        OpenLoop<String> loop = new OpenLoop<>(4, Duration.ofSeconds(1));
        Queue<String> idle = new ArrayDeque<>(List.of(viewers));
        List<String> order = new ArrayList<>();
        List<Map.Entry<Long, String>> running = new ArrayList<>();
        long[] now = {0};
        long overruns = loop.run(
                idle,
                viewer -> {
                    order.add(viewer);
                    running.add(Map.entry(now[0] + took.toNanos(), viewer));
                },
                () -> now[0],
                until -> {
                    now[0] = Math.max(now[0], until);
                    running.removeIf(start -> {
                        boolean done = start.getKey() <= now[0];
                        if (done) {
                            idle.add(start.getValue());
                        }
                        return done;
                    });
                });
        return new Outcome(overruns, order);
    }

    @Test
    void aRateOrDurationOfZeroIsRefused() {
        assertThatThrownBy(() -> new OpenLoop<String>(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoop<String>(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
