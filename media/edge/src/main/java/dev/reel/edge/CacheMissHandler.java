package dev.reel.edge;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the edge does when a valid request names an object that is not in its cache.
 *
 * <p>{@link OriginFill} is the real implementation: it pulls the object from origin into the disk
 * cache, with one fetch for concurrent misses of one object. {@link #NONE} answers every miss with
 * 404.
 *
 * <p>The server calls {@link #fill} on its event loop, so an implementation must not block: it
 * returns at once and completes the stage when the object is in place.
 */
public interface CacheMissHandler {

    /** Fills nothing: every miss is answered with 404. */
    CacheMissHandler NONE = (titleId, path) -> CompletableFuture.completedFuture(false);

    /**
     * Tries to bring one object into the cache.
     *
     * @param titleId a validated title id
     * @param path a validated path relative to the title, such as {@code video/720p/seg-1.m4s}
     * @return a stage that completes with {@code true} when the object is now in the cache at
     *     {@code <cacheRoot>/<titleId>/<path>}, {@code false} when it does not exist upstream; a
     *     stage that fails is answered with 502
     */
    CompletionStage<Boolean> fill(String titleId, String path);
}
