package dev.reel.events;

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

    private Topics() {}
}
