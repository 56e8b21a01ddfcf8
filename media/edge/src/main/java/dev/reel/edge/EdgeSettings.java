package dev.reel.edge;

import dev.reel.edgetoken.EdgeTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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
 * @param missHandler called when a requested object is not in the cache; {@link
 *     CacheMissHandler#NONE} (a 404) is the only handler so far
 */
public record EdgeSettings(
        int port,
        Path cacheRoot,
        Map<String, byte[]> tokenSecrets,
        Duration manifestMaxAge,
        Duration idleTimeout,
        Clock clock,
        CacheMissHandler missHandler) {

    /** Default {@code max-age} of manifests. */
    public static final Duration DEFAULT_MANIFEST_MAX_AGE = Duration.ofSeconds(2);

    /** Default idle timeout of a keep-alive connection. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @throws IllegalArgumentException if the port is out of range, there are no secrets or one is
     *     shorter than {@value EdgeTokens#MIN_SECRET_BYTES} bytes, or a duration is negative
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

    /** Settings with the defaults for everything but the port, the cache root and the secrets. */
    public static EdgeSettings of(int port, Path cacheRoot, Map<String, byte[]> tokenSecrets) {
        return new EdgeSettings(
                port,
                cacheRoot,
                tokenSecrets,
                DEFAULT_MANIFEST_MAX_AGE,
                DEFAULT_IDLE_TIMEOUT,
                Clock.systemUTC(),
                CacheMissHandler.NONE);
    }
}
