package dev.reel.edge;

import dev.reel.edge.cache.EvictionPolicy;
import dev.reel.edgetoken.EdgeTokens;
import dev.reel.origin.OriginStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link EdgeServer} needs to start.
 *
 * @param port the TCP port to listen on, or 0 for an ephemeral port (see {@link EdgeServer#port()})
 * @param cacheRoot the directory that holds cached titles as {@code <titleId>/<path>}; must exist
 * @param tokenSecrets every accepted token key id mapped to its secret (at least {@value
 *     EdgeTokens#MIN_SECRET_BYTES} bytes each); copied, and the arrays are cloned
 * @param manifestMaxAge the {@code Cache-Control} max-age for manifests ({@code .m3u8}, {@code
 *     .mpd}); segments and everything else are immutable for a year
 * @param idleTimeout how long a keep-alive connection may sit idle before the server closes it
 * @param clock the clock tokens are checked against
 * @param missHandler called when a requested object is not in the cache and there is no {@code
 *     origin}; {@link CacheMissHandler#NONE} answers every miss with 404
 * @param capacityBytes the disk cache's byte budget, {@code > 0}
 * @param evictionPolicy how the disk cache makes room, {@link EvictionPolicy#lru()} by default
 * @param origin where misses are filled from with an {@link OriginFill}, or null to use {@code
 *     missHandler}; the server does not close it
 * @param fillThreads how many origin fetches run at once, {@code >= 1}
 */
public record EdgeSettings(
        int port,
        Path cacheRoot,
        Map<String, byte[]> tokenSecrets,
        Duration manifestMaxAge,
        Duration idleTimeout,
        Clock clock,
        CacheMissHandler missHandler,
        long capacityBytes,
        EvictionPolicy evictionPolicy,
        @Nullable OriginStore origin,
        int fillThreads) {

    /** Default {@code max-age} of manifests. */
    public static final Duration DEFAULT_MANIFEST_MAX_AGE = Duration.ofSeconds(2);

    /** Default idle timeout of a keep-alive connection. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** Default disk cache capacity: 10 GiB. */
    public static final long DEFAULT_CAPACITY_BYTES = 10L << 30;

    /**
     * @throws IllegalArgumentException if the port is out of range, there are no secrets or one is
     *     shorter than {@value EdgeTokens#MIN_SECRET_BYTES} bytes, a duration is negative, the
     *     capacity or thread count is not positive, or both an origin and a miss handler other
     *     than {@link CacheMissHandler#NONE} are given
     */
    public EdgeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be 0 to 65535: " + port);
        }
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(tokenSecrets, "tokenSecrets");
        Objects.requireNonNull(manifestMaxAge, "manifestMaxAge");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(missHandler, "missHandler");
        Objects.requireNonNull(evictionPolicy, "evictionPolicy");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("Capacity must be positive: " + capacityBytes);
        }
        if (fillThreads < 1) {
            throw new IllegalArgumentException("At least one fill thread is required: " + fillThreads);
        }
        if (origin != null && missHandler != CacheMissHandler.NONE) {
            throw new IllegalArgumentException("Give either an origin or a miss handler, not both");
        }
        if (tokenSecrets.isEmpty()) {
            throw new IllegalArgumentException("At least one token secret is required");
        }
        Map<String, byte[]> copy = new HashMap<>();
        tokenSecrets.forEach((kid, secret) -> {
            if (secret.length < EdgeTokens.MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "Token secret " + kid + " is shorter than " + EdgeTokens.MIN_SECRET_BYTES + " bytes");
            }
            copy.put(kid, secret.clone());
        });
        tokenSecrets = Map.copyOf(copy);
        if (manifestMaxAge.isNegative() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("Durations must be positive");
        }
        cacheRoot = cacheRoot.toAbsolutePath().normalize();
    }

    /**
     * Settings with the defaults for everything but the port, the cache root and the secrets: no
     * origin (misses are 404), {@value #DEFAULT_CAPACITY_BYTES} bytes of LRU cache.
     */
    public static EdgeSettings of(int port, Path cacheRoot, Map<String, byte[]> tokenSecrets) {
        return new EdgeSettings(
                port,
                cacheRoot,
                tokenSecrets,
                DEFAULT_MANIFEST_MAX_AGE,
                DEFAULT_IDLE_TIMEOUT,
                Clock.systemUTC(),
                CacheMissHandler.NONE,
                DEFAULT_CAPACITY_BYTES,
                EvictionPolicy.lru(),
                null,
                OriginFill.DEFAULT_THREADS);
    }

    /** These settings with misses filled from {@code origin} (and the miss handler reset to none). */
    public EdgeSettings withOrigin(OriginStore origin) {
        return with(
                clock, CacheMissHandler.NONE, capacityBytes, evictionPolicy, Objects.requireNonNull(origin, "origin"));
    }

    /** These settings with a custom miss handler instead of an origin. */
    public EdgeSettings withMissHandler(CacheMissHandler missHandler) {
        return with(clock, missHandler, capacityBytes, evictionPolicy, null);
    }

    /** These settings with another cache capacity and eviction policy. */
    public EdgeSettings withCache(long capacityBytes, EvictionPolicy evictionPolicy) {
        return with(clock, missHandler, capacityBytes, evictionPolicy, origin);
    }

    /** These settings with another clock for token expiry. */
    public EdgeSettings withClock(Clock clock) {
        return with(clock, missHandler, capacityBytes, evictionPolicy, origin);
    }

    private EdgeSettings with(
            Clock clock,
            CacheMissHandler missHandler,
            long capacityBytes,
            EvictionPolicy evictionPolicy,
            @Nullable OriginStore origin) {
        return new EdgeSettings(
                port,
                cacheRoot,
                tokenSecrets,
                manifestMaxAge,
                idleTimeout,
                clock,
                missHandler,
                capacityBytes,
                evictionPolicy,
                origin,
                fillThreads);
    }
}
