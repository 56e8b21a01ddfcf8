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
import java.util.function.Consumer;
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
 * @param mode {@link Mode#APPLIANCE} (a disk cache filled from {@code origin}) or {@link
 *     Mode#ORIGIN} (every request read straight from {@code origin}, which is then required, and
 *     no cache)
 * @param ioThreads how many event-loop threads serve connections, or 0 for Netty's default (twice
 *     the available processors)
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
        int fillThreads,
        Mode mode,
        int ioThreads) {

    /** What an edge process is. */
    public enum Mode {
        /** An appliance: serves from its disk cache, fills misses from origin, reports to steering. */
        APPLIANCE,
        /**
         * The origin server: serves every request straight from the {@link OriginStore}, with the
         * same URLs and token checks and no disk cache. Steering lists it last.
         */
        ORIGIN
    }

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
     *     than {@link CacheMissHandler#NONE} are given, origin mode has no origin, or {@code
     *     ioThreads} is negative
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
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.ORIGIN && origin == null) {
            throw new IllegalArgumentException("Origin mode needs an origin store");
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("I/O threads must not be negative: " + ioThreads);
        }
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
                OriginFill.DEFAULT_THREADS,
                Mode.APPLIANCE,
                0);
    }

    /** These settings with misses filled from {@code origin} (and the miss handler reset to none). */
    public EdgeSettings withOrigin(OriginStore origin) {
        return copy(b -> {
            b.missHandler = CacheMissHandler.NONE;
            b.origin = Objects.requireNonNull(origin, "origin");
        });
    }

    /**
     * These settings in {@link Mode#ORIGIN}: every request is read straight from {@code origin};
     * the cache root, capacity and eviction policy are not used.
     */
    public EdgeSettings withOriginPassthrough(OriginStore origin) {
        return copy(b -> {
            b.missHandler = CacheMissHandler.NONE;
            b.origin = Objects.requireNonNull(origin, "origin");
            b.mode = Mode.ORIGIN;
        });
    }

    /** These settings with a custom miss handler instead of an origin. */
    public EdgeSettings withMissHandler(CacheMissHandler missHandler) {
        return copy(b -> {
            b.missHandler = missHandler;
            b.origin = null;
        });
    }

    /** These settings with another cache capacity and eviction policy. */
    public EdgeSettings withCache(long capacityBytes, EvictionPolicy evictionPolicy) {
        return copy(b -> {
            b.capacityBytes = capacityBytes;
            b.evictionPolicy = evictionPolicy;
        });
    }

    /** These settings with another clock for token expiry. */
    public EdgeSettings withClock(Clock clock) {
        return copy(b -> b.clock = clock);
    }

    /** These settings with another number of fill threads and event-loop threads (0: Netty's default). */
    public EdgeSettings withThreads(int fillThreads, int ioThreads) {
        return copy(b -> {
            b.fillThreads = fillThreads;
            b.ioThreads = ioThreads;
        });
    }

    private EdgeSettings copy(Consumer<Copy> change) {
        Copy b = new Copy(this);
        change.accept(b);
        return new EdgeSettings(
                port,
                cacheRoot,
                tokenSecrets,
                manifestMaxAge,
                idleTimeout,
                b.clock,
                b.missHandler,
                b.capacityBytes,
                b.evictionPolicy,
                b.origin,
                b.fillThreads,
                b.mode,
                b.ioThreads);
    }

    /** The fields the withers change; the record's constructor validates the result. */
    private static final class Copy {
        Clock clock;
        CacheMissHandler missHandler;
        long capacityBytes;
        EvictionPolicy evictionPolicy;

        @Nullable
        OriginStore origin;

        int fillThreads;
        Mode mode;
        int ioThreads;

        Copy(EdgeSettings s) {
            clock = s.clock;
            missHandler = s.missHandler;
            capacityBytes = s.capacityBytes;
            evictionPolicy = s.evictionPolicy;
            origin = s.origin;
            fillThreads = s.fillThreads;
            mode = s.mode;
            ioThreads = s.ioThreads;
        }
    }
}
