package dev.reel.steering;

import dev.reel.origin.OriginSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the steering service, bound from {@code reel.steering.*}. Every value has a default that suits the
 * embedded platform; {@code config/steering.yml} derives the paths from {@code reel.data-dir}.
 *
 * @param edgeTokenKeys the edge token keys file ({@code <kid> <base64 secret>} per line) that appliance reports are
 *     verified with; re-read when it changes
 * @param origin the origin store titles, versions and sizes are read from (read only)
 * @param originUrl the origin's base URL, always the last steering target
 * @param applianceTimeout an appliance whose last report is older than this is out of rotation
 * @param reportInterval how often appliances are asked to report (returned in every report response)
 * @param fill fill planning
 * @param popularity the title popularity model
 * @param events how consumed events are retried
 */
@ConfigurationProperties("reel.steering")
public record SteeringProperties(
        @DefaultValue(".reel/secrets/edge-token.keys") Path edgeTokenKeys,
        @Nullable OriginSettings origin,
        @DefaultValue("http://localhost:9000") URI originUrl,
        @DefaultValue("5s") Duration applianceTimeout,
        @DefaultValue("2s") Duration reportInterval,
        @DefaultValue Fill fill,
        @DefaultValue Popularity popularity,
        @DefaultValue Events events) {

    public SteeringProperties {
        origin = origin == null ? OriginSettings.local() : origin;
        if (applianceTimeout.isNegative() || applianceTimeout.isZero()) {
            throw new IllegalArgumentException("reel.steering.appliance-timeout must be positive");
        }
        if (reportInterval.isNegative() || reportInterval.isZero()) {
            throw new IllegalArgumentException("reel.steering.report-interval must be positive");
        }
    }

    /**
     * Fill planning.
     *
     * @param window the daily off-peak window, {@code HH:mm-HH:mm} in {@code zone} (may wrap past midnight); empty
     *     switches the off-peak trigger off
     * @param zone the time zone of the window
     * @param checkInterval how often each instance looks whether the window is open and today's run is still due
     * @param horizon how far ahead popularity is projected (the day the fill serves)
     * @param watchedFraction the share of a title's bytes an average view requests, turning predicted views into
     *     predicted bytes for titles no heartbeat has reported bytes watched for yet
     * @param pinShare on a flash appliance, the densest titles are pinned until they fill this share of its
     *     capacity (0 pins nothing); the rest stays an LRU cache for what the forecast missed (new releases).
     *     {@code bench/fill} finds 0.8 best: 0.5 lets the day's misses evict planned titles, 1.0 leaves no room
     */
    public record Fill(
            @DefaultValue("02:00-05:00") String window,
            @DefaultValue("UTC") ZoneId zone,
            @DefaultValue("1m") Duration checkInterval,
            @DefaultValue("24h") Duration horizon,
            @DefaultValue("0.5") double watchedFraction,
            @DefaultValue("0.8") double pinShare) {

        public Fill {
            if (watchedFraction <= 0 || watchedFraction > 1) {
                throw new IllegalArgumentException("reel.steering.fill.watched-fraction must be in (0, 1]");
            }
            if (pinShare < 0 || pinShare > 1) {
                throw new IllegalArgumentException("reel.steering.fill.pin-share must be in [0, 1]");
            }
        }
    }

    /**
     * The popularity model: every {@code PlaybackStarted} adds 1 to its title's view score, heartbeats and stops add
     * the bytes streamed to its watched score, and both decay exponentially.
     *
     * @param halfLife the time after which a view counts half
     */
    public record Popularity(@DefaultValue("24h") Duration halfLife) {

        public Popularity {
            if (halfLife.isNegative() || halfLife.isZero()) {
                throw new IllegalArgumentException("reel.steering.popularity.half-life must be positive");
            }
        }
    }

    /**
     * Consuming playback events. A record that fails because the database is unreachable is retried with exponential
     * backoff, without limit; a record failing for any other reason is logged and skipped.
     *
     * @param retryBackoff the first delay before a failed record is retried
     * @param maxRetryBackoff the longest delay between retries
     */
    public record Events(
            @DefaultValue("500ms") Duration retryBackoff,
            @DefaultValue("30s") Duration maxRetryBackoff) {}
}
