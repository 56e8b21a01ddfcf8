package dev.reel.edge.cache;

import java.util.Collection;
import java.util.List;

/**
 * Decides which cached objects a {@link DiskCache} deletes to make room for a new one.
 *
 * <p>The cache calls {@link #victims} while it holds its admission lock, so an implementation
 * must be fast, must not call back into the cache and must be thread-safe (it is shared by every
 * admission). Titles pinned by the fill plan never reach a policy: {@link DiskCache} leaves them
 * out of {@code entries}.
 */
public interface EvictionPolicy {

    /**
     * Chooses entries to evict.
     *
     * @param entries every entry the cache may evict now (pinned titles are left out); not modified
     *     by the policy
     * @param bytesToFree how many bytes must be freed, {@code > 0}
     * @return the entries to evict, in the order to evict them, whose sizes add up to at least
     *     {@code bytesToFree} when the entries allow it; if they do not, the cache refuses the
     *     admission
     */
    List<CacheEntry> victims(Collection<CacheEntry> entries, long bytesToFree);

    /** Least recently used first: the policy that plain caches and {@code bench/fill} compare against. */
    static EvictionPolicy lru() {
        return LruPolicy.INSTANCE;
    }
}
