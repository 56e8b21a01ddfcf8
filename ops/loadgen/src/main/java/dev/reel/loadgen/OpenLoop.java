package dev.reel.loadgen;

import java.time.Duration;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * An open-loop schedule: start {@code k} is due {@code k / rate} seconds after the beginning, whether or not earlier
 * starts have finished, so a slow platform meets the same demand as a fast one (a closed loop would slow down with it
 * and hide the overload). A due start goes to an idle worker; when none is idle it is an overrun and is not made up
 * later.
 *
 * @param <W> the workers, e.g. viewers
 */
final class OpenLoop<W> {

    /** Waits until a point on the schedule's clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleepUntil(long nanoTime) throws InterruptedException;
    }

    private final double perSecond;
    private final int starts;

    /**
     * @param perSecond starts per second, positive
     * @param duration how long to schedule starts for; the schedule holds {@code floor(perSecond × seconds)} starts,
     *     at least one
     */
    OpenLoop(double perSecond, Duration duration) {
        if (!(perSecond > 0) || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("need a positive rate and duration");
        }
        this.perSecond = perSecond;
        double seconds = duration.toNanos() / 1e9;
        this.starts = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(perSecond * seconds + 1e-9)));
    }

    /** How many starts the schedule holds. */
    int starts() {
        return starts;
    }

    /** When start {@code k} (from 0) is due, in nanoseconds after the beginning. */
    long dueNanos(int k) {
        return Math.round(k * 1e9 / perSecond);
    }

    /**
     * Runs the schedule on the calling thread. For each due start, polls {@code idle}: a worker found is handed to
     * {@code launch}, which must return quickly (start the work elsewhere) and put the worker back into {@code idle}
     * when its work is done; an empty queue counts an overrun.
     *
     * @return the number of overruns
     * @throws InterruptedException when interrupted while waiting; starts not yet due are dropped
     */
    long run(Queue<W> idle, Consumer<W> launch, LongSupplier nanoClock, Sleeper sleeper) throws InterruptedException {
        long begin = nanoClock.getAsLong();
        long overruns = 0;
        for (int k = 0; k < starts; k++) {
            sleeper.sleepUntil(begin + dueNanos(k));
            W worker = idle.poll();
            if (worker == null) {
                overruns++;
            } else {
                launch.accept(worker);
            }
        }
        return overruns;
    }

    /** A sleeper on {@link System#nanoTime()}. */
    static void sleepUntilNano(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.sleep(Duration.ofNanos(Math.min(left, 50_000_000L)));
        }
    }
}
