package dev.reel.steering.popularity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Title popularity learnt from playback events: each {@code PlaybackStarted} is a view of its title, and views decay
 * with {@code reel.steering.popularity.half-life} (see {@link Decay}).
 */
public interface Popularity {

    /**
     * Every title with a score, most popular first.
     *
     * @param now the instant to decay the scores to
     * @param horizon how far ahead to project views
     */
    List<TitleDemandForecast> forecast(Instant now, Duration horizon);
}
