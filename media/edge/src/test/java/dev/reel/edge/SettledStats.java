package dev.reel.edge;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Byte counters move when Netty reports a write complete, which can be a moment after the client has read the
 * last byte; tests read the stats once that has happened instead of racing it.
 */
final class SettledStats {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private SettledStats() {}

    /** The server's stats once {@code settled} holds, or the last reading after five seconds. */
    static EdgeStats when(EdgeServer server, Predicate<EdgeStats> settled) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        EdgeStats stats = server.stats();
        while (!settled.test(stats) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            stats = server.stats();
        }
        return stats;
    }
}
