package dev.reel.edge.internal;

import dev.reel.edge.EdgeStats;
import dev.reel.edge.cache.DiskCache;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** The live counters behind {@link EdgeStats}; safe to update from every event loop. */
public final class EdgeCounters {

    final LongAdder requests = new LongAdder();
    final LongAdder hits = new LongAdder();
    final LongAdder hitBytes = new LongAdder();
    final LongAdder notModified = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder missBytes = new LongAdder();
    final LongAdder forbidden = new LongAdder();
    final LongAdder badRequests = new LongAdder();
    final LongAdder openConnections = new LongAdder();

    /**
     * Returns the counters and the cache's figures as they are now; the fields are read one by
     * one, not atomically. Without a cache (origin mode) the cache's figures are zero.
     */
    public EdgeStats snapshot(@Nullable DiskCache cache) {
        return new EdgeStats(
                requests.sum(),
                hits.sum(),
                hitBytes.sum(),
                notModified.sum(),
                misses.sum(),
                missBytes.sum(),
                forbidden.sum(),
                badRequests.sum(),
                openConnections.sum(),
                cache == null ? 0 : cache.evictions(),
                cache == null ? 0 : cache.usedBytes(),
                cache == null ? 0 : cache.capacityBytes());
    }
}
