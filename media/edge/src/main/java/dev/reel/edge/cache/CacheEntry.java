package dev.reel.edge.cache;

import dev.reel.origin.OriginPaths;

/**
 * One object held by a {@link DiskCache}.
 *
 * @param titleId the title
 * @param path the path relative to the title directory, as in the request
 * @param size the file's size in bytes
 * @param lastAccess a logical access time: a larger value means a more recent admission or hit.
 *     Values are unique within one cache; after a restart they follow the files' modification times
 */
public record CacheEntry(String titleId, String path, long size, long lastAccess) {

    /** Validates the names and the size. */
    public CacheEntry {
        OriginPaths.requireTitleId(titleId);
        OriginPaths.requireRelativePath(path);
        if (size < 0) {
            throw new IllegalArgumentException("Size must not be negative: " + size);
        }
    }

    /** The key the cache indexes this entry by: {@code <titleId>/<path>}. */
    public String key() {
        return key(titleId, path);
    }

    static String key(String titleId, String path) {
        return titleId + "/" + path;
    }

    CacheEntry accessed(long time) {
        return new CacheEntry(titleId, path, size, time);
    }
}
