package dev.reel.events;

import java.util.List;
import java.util.Set;

/** Every Kafka topic Reel uses, in one place. The suffix is the topic's schema generation. */
public final class Topics {

    /**
     * Snapshots of catalog titles ({@code TitlePublished}, {@code TitleUpdated}), keyed by title id. The
     * topic is compacted, so replaying it rebuilds a full view of the catalog.
     */
    public static final String CATALOG_TITLES = "reel.catalog.titles.v1";

    /**
     * Encoding job facts ({@code EncodingProgressed}, {@code EncodingCompleted}, {@code EncodingFailed}), keyed by
     * title id.
     */
    public static final String ENCODING_JOBS = "reel.encoder.jobs.v1";

    /**
     * Playback session facts ({@code PlaybackStarted}, {@code PlaybackHeartbeat}, {@code PlaybackStopped}), keyed by
     * profile id. Steering's popularity and viewing history are built from it.
     */
    public static final String PLAYBACK_SESSIONS = "reel.playback.sessions.v1";

    /** Searches members ran ({@code SearchPerformed}), keyed by profile, else by account. */
    public static final String SEARCH_QUERIES = "reel.search.queries.v1";

    /**
     * What clients report members saw and picked ({@code RowImpression}, {@code TitleClicked}), keyed by profile. Best
     * effort: a client or broker outage loses some.
     */
    public static final String CLIENT_ENGAGEMENT = "reel.client.engagement.v1";

    /** Exposures of accounts to experiment cells ({@code ExperimentExposed}), keyed by account. */
    public static final String EXPERIMENT_EXPOSURES = "reel.experiments.exposures.v1";

    /** Every topic above, for whoever provisions a broker (the launcher creates them before any service starts). */
    public static final List<String> ALL = List.of(
            CATALOG_TITLES, ENCODING_JOBS, PLAYBACK_SESSIONS, SEARCH_QUERIES, CLIENT_ENGAGEMENT, EXPERIMENT_EXPOSURES);

    /**
     * The topics that are compacted (latest record per key kept forever) rather than deleted after retention: a
     * consumer rebuilds its view by replaying them.
     */
    public static final Set<String> COMPACTED = Set.of(CATALOG_TITLES);

    private Topics() {}
}
