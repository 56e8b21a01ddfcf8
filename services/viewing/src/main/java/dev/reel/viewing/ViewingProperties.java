package dev.reel.viewing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the viewing service, bound from {@code reel.viewing.*}. Every value has a default that suits the
 * embedded platform.
 *
 * @param watchedFraction a bookmark is watched once its position reaches this fraction of the media's duration
 * @param continueWatching which bookmarks make a Continue Watching entry
 * @param playheadSlack how far a session's playhead may run ahead of wall time between two of its events and still
 *     count as watched (a player catching up on its buffer); a larger jump is a seek and counts as this much
 * @param events how consumed events are retried
 */
@ConfigurationProperties("reel.viewing")
public record ViewingProperties(
        @DefaultValue("0.9") double watchedFraction,
        @DefaultValue ContinueWatching continueWatching,
        @DefaultValue("15s") Duration playheadSlack,
        @DefaultValue Events events) {

    public ViewingProperties {
        if (!(watchedFraction > 0 && watchedFraction <= 1)) {
            throw new IllegalArgumentException(
                    "reel.viewing.watched-fraction must be in (0, 1], was " + watchedFraction);
        }
        if (playheadSlack.isNegative()) {
            throw new IllegalArgumentException("reel.viewing.playhead-slack must not be negative");
        }
        if (continueWatching.minFraction() >= watchedFraction) {
            throw new IllegalArgumentException("reel.viewing.continue-watching.min-fraction ("
                    + continueWatching.minFraction() + ") must be below the watched-fraction (" + watchedFraction
                    + ")");
        }
    }

    /**
     * Continue Watching: a title is listed once its latest bookmark reaches {@code minPosition} or {@code minFraction}
     * of the duration (whichever comes first) and until it is watched.
     *
     * @param minFraction the fraction of the duration that lists a bookmark
     * @param minPosition the position that lists a bookmark whatever the duration (also when it is unknown)
     * @param maxEntries the most entries read for one profile, newest first; older ones are not listed
     */
    public record ContinueWatching(
            @DefaultValue("0.01") double minFraction,
            @DefaultValue("30s") Duration minPosition,
            @DefaultValue("500") int maxEntries) {

        public ContinueWatching {
            if (minFraction < 0 || minFraction >= 1) {
                throw new IllegalArgumentException(
                        "reel.viewing.continue-watching.min-fraction must be in [0, 1), was " + minFraction);
            }
            if (minPosition.isNegative()) {
                throw new IllegalArgumentException("reel.viewing.continue-watching.min-position must not be negative");
            }
            if (maxEntries < 1) {
                throw new IllegalArgumentException(
                        "reel.viewing.continue-watching.max-entries must be at least 1, was " + maxEntries);
            }
        }
    }

    /**
     * Consuming playback and catalog events. A record that fails because the database is unreachable is retried with
     * exponential backoff, without limit; a record failing for any other reason is logged and skipped.
     *
     * @param retryBackoff the first delay before a failed record is retried
     * @param maxRetryBackoff the longest delay between retries
     */
    public record Events(
            @DefaultValue("500ms") Duration retryBackoff,
            @DefaultValue("30s") Duration maxRetryBackoff) {}
}
