package dev.reel.playback;

import dev.reel.origin.OriginSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the playback service, bound from {@code reel.playback.*}. Every value has a default that suits the
 * embedded platform; {@code config/playback.yml} derives the paths from {@code reel.data-dir}.
 *
 * @param maxStreams live sessions one account may hold at once
 * @param sessionTimeout a session without a heartbeat for this long expires and frees its slot
 * @param heartbeatInterval how often clients are told to send heartbeats; well below {@code sessionTimeout}
 * @param tokenLifetime how long the edge tokens of a session stay valid
 * @param edgeTokenKeys the shared edge token keys file; its first key signs
 * @param originUrl the origin server's base URL, listed last and used alone when steering cannot answer
 * @param origin the origin store the packaged titles are read from
 * @param keys the content key store the licence endpoint reads
 * @param devices the tallest rendition each device class may get, and the codecs assumed when a device names none
 * @param sweeper how expired sessions are found and ended
 * @param caches the last good answers of catalog and steering (identity's: reel.kit.profiles), used while they are unavailable
 */
@ConfigurationProperties("reel.playback")
public record PlaybackProperties(
        @DefaultValue("2") int maxStreams,
        @DefaultValue("45s") Duration sessionTimeout,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("6h") Duration tokenLifetime,
        @DefaultValue(".reel/secrets/edge-token.keys") Path edgeTokenKeys,
        @DefaultValue("http://localhost:9000") URI originUrl,
        @Nullable OriginSettings origin,
        @DefaultValue Keys keys,
        @DefaultValue Devices devices,
        @DefaultValue Sweeper sweeper,
        @DefaultValue Caches caches) {

    public PlaybackProperties {
        origin = origin == null ? OriginSettings.local() : origin;
        if (maxStreams < 1) {
            throw new IllegalArgumentException("reel.playback.max-streams must be at least 1, was " + maxStreams);
        }
        if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException("reel.playback.heartbeat-interval (" + heartbeatInterval
                    + ") must be shorter than the session-timeout (" + sessionTimeout + ")");
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("reel.playback.token-lifetime must be positive");
        }
        String scheme = originUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || originUrl.getHost() == null) {
            throw new IllegalArgumentException("reel.playback.origin-url must be an http(s) URL, was " + originUrl);
        }
    }

    /**
     * The content key store (its own PostgreSQL database, written by the encoder). Playback holds the licence private
     * key and only reads.
     *
     * @param url JDBC URL of the key store database
     * @param username its user
     * @param password its password, empty for none
     * @param privateKey PEM file (PKCS#8) of the licence private key the content keys are unwrapped with
     * @param poolSize connections to the key store
     */
    public record Keys(
            @DefaultValue("jdbc:postgresql://localhost:15432/keys")
            String url,

            @DefaultValue("postgres") String username,
            @DefaultValue("") String password,

            @DefaultValue(".reel/secrets/licence-private.pem")
            Path privateKey,

            @DefaultValue("4") int poolSize) {}

    /**
     * What devices may get.
     *
     * @param tvMaxHeight tallest rendition for a TV, in pixels
     * @param desktopMaxHeight tallest rendition for a desktop browser
     * @param tabletMaxHeight tallest rendition for a tablet
     * @param phoneMaxHeight tallest rendition for a phone
     * @param defaultCodecs codec families assumed when a request names none
     */
    public record Devices(
            @DefaultValue("2160") int tvMaxHeight,
            @DefaultValue("2160") int desktopMaxHeight,
            @DefaultValue("1080") int tabletMaxHeight,
            @DefaultValue("1080") int phoneMaxHeight,
            @DefaultValue("avc1") List<String> defaultCodecs) {

        public Devices {
            defaultCodecs = List.copyOf(defaultCodecs);
            if (defaultCodecs.isEmpty()) {
                throw new IllegalArgumentException("reel.playback.devices.default-codecs must name a codec");
            }
        }
    }

    /**
     * The expiry sweeper, which runs on every instance (rows are claimed with {@code FOR UPDATE SKIP LOCKED}).
     *
     * @param interval pause between two sweeps
     * @param batchSize sessions ended per transaction
     */
    public record Sweeper(
            @DefaultValue("5s") Duration interval,
            @DefaultValue("100") int batchSize) {}

    /**
     * Last good answers, each kept for its time to live and only used while the dependency fails.
     *
     * @param titles catalog titles, by title id
     * @param steering steering answers, by client network ({@code /24} for IPv4, {@code /64} for IPv6) and title
     * @param maxEntries the largest number of entries per cache
     */
    public record Caches(
            @DefaultValue("10m") Duration titles,
            @DefaultValue("10m") Duration steering,
            @DefaultValue("10000") long maxEntries) {}
}
