package dev.reel.edge.steering;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/cdn/reports}: who the appliance is, how loaded it is, and what
 * it holds.
 *
 * @param applianceId the appliance's id, such as {@code isp-a}
 * @param baseUrl where players reach it, without a trailing slash
 * @param cidrs the client networks it serves
 * @param region its region
 * @param tier its kind
 * @param capacityBytes the disk cache's byte budget
 * @param usedBytes bytes cached now
 * @param openConnections client connections open now
 * @param throughputBps body bytes sent per second over the last interval
 * @param requests requests since start
 * @param hits requests served from the cache since start
 * @param hitBytes body bytes of hits since start
 * @param misses requests that missed the cache since start
 * @param missBytes body bytes of filled misses since start
 * @param titles what the cache holds, by title and version
 * @param appliedPlanId the last fill plan applied completely, or null
 */
public record ApplianceReport(
        String applianceId,
        String baseUrl,
        List<String> cidrs,
        String region,
        Tier tier,
        long capacityBytes,
        long usedBytes,
        long openConnections,
        long throughputBps,
        long requests,
        long hits,
        long hitBytes,
        long misses,
        long missBytes,
        List<TitleHolding> titles,
        @Nullable String appliedPlanId) {

    /**
     * The cached objects of one title version.
     *
     * @param titleId the title
     * @param version the origin version the objects were cached under, or null for objects under
     *     unversioned paths
     * @param bytes their total size
     * @param objects how many there are
     */
    public record TitleHolding(String titleId, @Nullable String version, long bytes, long objects) {}
}
