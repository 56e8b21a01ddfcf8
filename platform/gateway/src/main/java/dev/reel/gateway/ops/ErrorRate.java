package dev.reel.gateway.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The recent share of 5xx answers, from successive cumulative counters: the difference between the newest snapshot and
 * the newest one at least a window older (or the oldest kept, early on). A counter that went down (an instance restarted and started from zero)
 * starts the window again. Thread-safe.
 */
final class ErrorRate {

    private record Point(Instant at, long requests, long errors) {}

    private final Duration window;
    private final long minimumRequests;
    private final List<Point> points = new ArrayList<>();

    /**
     * @param window how far back the rate looks
     * @param minimumRequests fewer requests than this in the window give no rate (one failure out of three is noise)
     */
    ErrorRate(Duration window, long minimumRequests) {
        this.window = window;
        this.minimumRequests = minimumRequests;
    }

    /**
     * Records a snapshot and returns the rate over the window ending with it.
     *
     * @return the share of errors, or {@code null} if the window holds too few requests or no earlier snapshot
     */
    synchronized @Nullable Double record(Instant at, RequestCounters counters) {
        Point now = new Point(at, counters.count(), counters.serverErrors());
        Point last = points.isEmpty() ? null : points.getLast();
        if (last != null && (now.requests() < last.requests() || now.errors() < last.errors())) {
            points.clear();
        }
        points.addLast(now);
        // Keep the newest snapshot at least a window old as the base, and nothing older.
        Instant start = at.minus(window);
        while (points.size() > 1 && !points.get(1).at().isAfter(start)) {
            points.removeFirst();
        }
        Point first = points.getFirst();
        long requests = now.requests() - first.requests();
        if (requests <= 0 || requests < minimumRequests) {
            return null;
        }
        return (double) (now.errors() - first.errors()) / requests;
    }
}
