package dev.reel.loadgen;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What {@link LoadGenerator#run} should do.
 *
 * @param gateway the gateway's base URL, e.g. {@code http://localhost:8080}
 * @param startsPerSecond the target rate of play starts, open loop: a start is due every {@code 1 / startsPerSecond}
 *     seconds whether or not earlier ones have finished; greater than 0 and at most {@value #MAX_STARTS_PER_SECOND}
 * @param duration how long starts are scheduled for, positive
 * @param viewers how many simulated viewers (accounts) to use, 1 to {@value #MAX_VIEWERS}; 0 picks {@code
 *     max(8, ceil(startsPerSecond × 6))}, capped at {@value #MAX_VIEWERS}
 * @param reportEvery how often a progress line is printed while running, positive
 * @param reportFile where the summary's JSON is written at the end, or null for nowhere
 * @throws IllegalArgumentException when a value is out of range; the message says which and why
 */
public record LoadOptions(
        URI gateway,
        double startsPerSecond,
        Duration duration,
        int viewers,
        Duration reportEvery,
        @Nullable Path reportFile) {

    /** Viewers connect from 127.0.0.10 + i, so at most this many fit below 127.0.0.255. */
    public static final int MAX_VIEWERS = 200;

    /** A sanity cap: far above what one machine can drive. */
    public static final int MAX_STARTS_PER_SECOND = 1000;

    /** Seconds of starts one viewer is sized to absorb when {@code viewers} is 0. */
    static final int VIEWER_SECONDS = 6;

    /** The minimum number of viewers picked when {@code viewers} is 0. */
    static final int MIN_AUTO_VIEWERS = 8;

    public LoadOptions {
        if (gateway == null
                || !gateway.isAbsolute()
                || gateway.getHost() == null
                || !("http".equals(gateway.getScheme()) || "https".equals(gateway.getScheme()))) {
            throw new IllegalArgumentException("the gateway must be an absolute http(s) URL, was " + gateway);
        }
        if (!(startsPerSecond > 0) || startsPerSecond > MAX_STARTS_PER_SECOND) {
            throw new IllegalArgumentException("starts per second must be above 0 and at most " + MAX_STARTS_PER_SECOND
                    + ", was " + startsPerSecond);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the duration must be positive, was " + duration);
        }
        if (viewers < 0 || viewers > MAX_VIEWERS) {
            throw new IllegalArgumentException(
                    "viewers must be between 0 (pick for me) and " + MAX_VIEWERS + ", was " + viewers);
        }
        if (reportEvery == null || reportEvery.isNegative() || reportEvery.isZero()) {
            throw new IllegalArgumentException("the report interval must be positive, was " + reportEvery);
        }
    }

    /** Options with the usual defaults: viewers picked from the rate, a progress line every 5 s, no report file. */
    public static LoadOptions of(URI gateway, double startsPerSecond, Duration duration) {
        return new LoadOptions(gateway, startsPerSecond, duration, 0, Duration.ofSeconds(5), null);
    }

    /** The number of viewers this run uses: {@link #viewers()}, or the automatic choice when that is 0. */
    public int viewerCount() {
        if (viewers > 0) {
            return viewers;
        }
        long auto = (long) Math.ceil(startsPerSecond * VIEWER_SECONDS);
        return (int) Math.min(MAX_VIEWERS, Math.max(MIN_AUTO_VIEWERS, auto));
    }
}
