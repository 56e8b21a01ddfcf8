package dev.reel.launcher.studio;

import java.util.ArrayDeque;

/**
 * The recent rate of a growing byte count: bytes per second over a sliding window, from samples of the running total.
 * A total that goes down (a resumed upload restarting from the server's offset) starts a new window. Not
 * thread-safe.
 */
public final class RateMeter {

    private record Sample(long nanos, long total) {}

    private final long windowNanos;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    /** Creates a meter over a window of {@code windowNanos}. */
    public RateMeter(long windowNanos) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.windowNanos = windowNanos;
    }

    /** Records the running total at time {@code nanos} (a monotonic clock such as {@link System#nanoTime()}). */
    public void record(long nanos, long total) {
        if (!samples.isEmpty() && total < samples.peekLast().total()) {
            samples.clear();
        }
        samples.addLast(new Sample(nanos, total));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** Bytes per second between the oldest and newest sample of the window; 0 until two samples are apart in time. */
    public double bytesPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long nanos = last.nanos() - first.nanos();
        return nanos <= 0 ? 0 : (last.total() - first.total()) * 1e9 / nanos;
    }
}
