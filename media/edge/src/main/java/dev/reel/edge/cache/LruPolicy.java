package dev.reel.edge.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Evicts the least recently used entries first, by {@link CacheEntry#lastAccess()}. Sorting costs
 * {@code O(n log n)} per admission that needs room; stateless, so one instance serves every cache.
 */
public final class LruPolicy implements EvictionPolicy {

    static final LruPolicy INSTANCE = new LruPolicy();

    private LruPolicy() {}

    @Override
    public List<CacheEntry> victims(Collection<CacheEntry> entries, long bytesToFree) {
        List<CacheEntry> byAge = new ArrayList<>(entries);
        byAge.sort(Comparator.comparingLong(CacheEntry::lastAccess));
        List<CacheEntry> victims = new ArrayList<>();
        long freed = 0;
        for (CacheEntry entry : byAge) {
            if (freed >= bytesToFree) {
                break;
            }
            victims.add(entry);
            freed += entry.size();
        }
        return victims;
    }

    @Override
    public String toString() {
        return "LRU";
    }
}
