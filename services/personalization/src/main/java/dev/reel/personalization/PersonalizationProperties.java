package dev.reel.personalization;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the personalization service, bound from {@code reel.personalization.*}. Every value has a default that
 * suits the embedded platform.
 *
 * @param trending time-decayed popularity
 * @param training periodic ALS training
 * @param home the home page
 * @param refresh how often each instance reloads its in-memory views from the database
 * @param events how consumed events are retried and how large a client batch may be
 * @param experiments experiments by name, each with its cells' percentages; {@code row-ordering} defaults to 100 %
 *     {@code model} when not configured
 */
@ConfigurationProperties("reel.personalization")
public record PersonalizationProperties(
        @DefaultValue Trending trending,
        @DefaultValue Training training,
        @DefaultValue Home home,
        @DefaultValue Refresh refresh,
        @DefaultValue Events events,
        @Nullable Map<String, Experiment> experiments) {

    public PersonalizationProperties {
        Map<String, Experiment> all = new LinkedHashMap<>();
        if (experiments != null) {
            all.putAll(experiments);
        }
        all.putIfAbsent(Experiment.ROW_ORDERING, new Experiment(new LinkedHashMap<>(Map.of("model", 100))));
        experiments = Collections.unmodifiableMap(all);
    }

    /** @param halfLife a start's weight halves every half-life */
    public record Trending(@DefaultValue("6h") Duration halfLife) {

        public Trending {
            if (halfLife.isNegative() || halfLife.isZero()) {
                throw new IllegalArgumentException("reel.personalization.trending.half-life must be positive");
            }
        }
    }

    /**
     * ALS training (see libs/recs {@code ImplicitAls}).
     *
     * @param interval pause between two checks for new interactions; a check trains only when there are some
     * @param factors latent factors
     * @param iterations ALS sweeps
     * @param regularization L2 weight
     * @param alpha confidence slope: {@code c = 1 + alpha * strength}
     * @param cgSteps conjugate-gradient steps per solve
     * @param threads training threads
     */
    public record Training(
            @DefaultValue("10m") Duration interval,
            @DefaultValue("64") int factors,
            @DefaultValue("10") int iterations,
            @DefaultValue("0.1") float regularization,
            @DefaultValue("10") float alpha,
            @DefaultValue("3") int cgSteps,
            @DefaultValue("2") int threads) {

        public Training {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("reel.personalization.training.interval must be positive");
            }
            if (factors < 1 || iterations < 1 || threads < 1 || cgSteps < 1) {
                throw new IllegalArgumentException(
                        "reel.personalization.training factors, iterations, cg-steps and threads must be at least 1");
            }
        }
    }

    /**
     * The home page.
     *
     * @param rowTimeout rows that call other services (Continue Watching) must be ready this long after the rows
     *     started, and a history read from the database gets the same budget; a late row gets its fallback
     * @param visiblePositions no title repeats within this many first positions of the rows
     * @param rowSize items per row at most
     * @param minRowItems a row with fewer items is left out (Continue Watching excepted)
     * @param becauseYouWatchedRows "Because you watched" rows at most, seeded by the most recent watches
     * @param genreRows genre rows at most
     * @param lastGoodRows how long a row's last good copy per profile is kept as its fallback
     * @param maxProfiles the largest number of profiles whose last good rows are kept
     */
    public record Home(
            @DefaultValue("150ms") Duration rowTimeout,
            @DefaultValue("6") int visiblePositions,
            @DefaultValue("20") int rowSize,
            @DefaultValue("3") int minRowItems,
            @DefaultValue("2") int becauseYouWatchedRows,
            @DefaultValue("4") int genreRows,
            @DefaultValue("1h") Duration lastGoodRows,
            @DefaultValue("20000") long maxProfiles) {

        public Home {
            if (rowTimeout.isNegative() || rowTimeout.isZero()) {
                throw new IllegalArgumentException("reel.personalization.home.row-timeout must be positive");
            }
            if (visiblePositions < 1 || rowSize < visiblePositions) {
                throw new IllegalArgumentException("reel.personalization.home.row-size (" + rowSize
                        + ") must be at least visible-positions (" + visiblePositions + "), which must be positive");
            }
        }
    }

    /**
     * How often each instance reloads what it serves from memory.
     *
     * @param catalog the catalog view and trending scores
     * @param model the newest trained model
     * @param artwork the artwork bandit's counts
     */
    public record Refresh(
            @DefaultValue("2s") Duration catalog,
            @DefaultValue("10s") Duration model,
            @DefaultValue("5s") Duration artwork) {}

    /**
     * @param retryBackoff the first delay before a failed record is retried
     * @param maxRetryBackoff the longest delay between retries
     * @param maxBatch client events per {@code POST /api/v1/events}
     */
    public record Events(
            @DefaultValue("500ms") Duration retryBackoff,
            @DefaultValue("30s") Duration maxRetryBackoff,
            @DefaultValue("100") int maxBatch) {}

    /**
     * An experiment: its cells and the percentage of accounts each gets, in allocation order. Percentages are whole
     * numbers that add up to 100.
     */
    public record Experiment(Map<String, Integer> cells) {

        /** The row ordering experiment: {@code model} against {@code popularity}. */
        public static final String ROW_ORDERING = "row-ordering";

        public Experiment {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
            int sum = 0;
            for (var cell : cells.entrySet()) {
                if (cell.getValue() < 0) {
                    throw new IllegalArgumentException("experiment cell " + cell.getKey() + " has a negative share");
                }
                sum += cell.getValue();
            }
            if (sum != 100) {
                throw new IllegalArgumentException("experiment cells must add up to 100 %, were " + cells);
            }
        }
    }
}
