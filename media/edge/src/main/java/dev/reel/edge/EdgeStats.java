package dev.reel.edge;

/**
 * A snapshot of an {@link EdgeServer}'s counters since it started. In origin mode there is no
 * cache: every valid request is a miss and the cache's figures are zero.
 *
 * @param requests every request that reached the handler, whatever its answer
 * @param hits requests answered from the cache with 200 or 206, HEAD included, without a fill
 * @param hitBytes body bytes sent for hits, counted once the write completed
 * @param notModified requests answered with 304
 * @param misses valid requests for an object that was not in the cache when asked, whatever the
 *     {@link CacheMissHandler} then did (with {@link CacheMissHandler#NONE}, each is a 404)
 * @param missBytes body bytes sent for misses that were filled and then served
 * @param forbidden requests refused for a missing or bad token (403)
 * @param badRequests requests with a bad path or method (400, 405)
 * @param openConnections connections open now
 * @param evictions objects the disk cache evicted since it was opened
 * @param usedBytes bytes the disk cache holds now
 * @param capacityBytes the disk cache's byte budget
 */
public record EdgeStats(
        long requests,
        long hits,
        long hitBytes,
        long notModified,
        long misses,
        long missBytes,
        long forbidden,
        long badRequests,
        long openConnections,
        long evictions,
        long usedBytes,
        long capacityBytes) {

    /** This snapshot as a JSON object whose member names are the component names. */
    public String toJson() {
        return "{\"requests\":" + requests + ",\"hits\":" + hits + ",\"hitBytes\":" + hitBytes
                + ",\"notModified\":" + notModified + ",\"misses\":" + misses + ",\"missBytes\":" + missBytes
                + ",\"forbidden\":" + forbidden + ",\"badRequests\":" + badRequests + ",\"openConnections\":"
                + openConnections + ",\"evictions\":" + evictions + ",\"usedBytes\":" + usedBytes
                + ",\"capacityBytes\":" + capacityBytes + "}";
    }
}
