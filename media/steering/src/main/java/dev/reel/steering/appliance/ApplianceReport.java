package dev.reel.steering.appliance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The health and load report an appliance-mode edge sends every report interval ({@code POST /api/v1/cdn/reports}).
 *
 * @param applianceId the appliance's id, also the subject of its report token
 * @param baseUrl where players reach it, e.g. {@code http://localhost:9100}
 * @param cidrs the client networks it serves (its ISP), IPv4 or IPv6 CIDRs
 * @param region a free-form region label
 * @param tier {@code FLASH} or {@code STORAGE}
 * @param capacityBytes its cache capacity
 * @param usedBytes bytes cached now
 * @param openConnections client connections open now
 * @param throughputBps body bytes sent per second over the last interval
 * @param requests requests served since start
 * @param hits of which hits
 * @param hitBytes bytes served from cache since start
 * @param misses of which misses
 * @param missBytes bytes filled from origin on misses since start
 * @param titles what it holds, by title and version
 * @param appliedPlanId the last fill plan it applied, or null
 */
public record ApplianceReport(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*")
        String applianceId,

        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+")
        String baseUrl,

        @NotNull @Size(max = 1024) List<@NotBlank String> cidrs,
        @Nullable @Size(max = 64) String region,
        @NotNull Tier tier,
        @Positive long capacityBytes,
        @PositiveOrZero long usedBytes,
        @PositiveOrZero long openConnections,
        @PositiveOrZero long throughputBps,
        @PositiveOrZero long requests,
        @PositiveOrZero long hits,
        @PositiveOrZero long hitBytes,
        @PositiveOrZero long misses,
        @PositiveOrZero long missBytes,
        @Nullable List<@Valid @NotNull HeldTitle> titles,
        @Nullable String appliedPlanId) {

    /** The titles, never null. */
    public List<HeldTitle> heldTitles() {
        return titles == null ? List.of() : titles;
    }

    /** The share of bytes served from cache since start, or 0 before any byte was served. */
    public double hitRatioBytes() {
        long total = hitBytes + missBytes;
        return total == 0 ? 0 : (double) hitBytes / total;
    }
}
