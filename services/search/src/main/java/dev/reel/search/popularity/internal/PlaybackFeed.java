package dev.reel.search.popularity.internal;

import dev.reel.events.Topics;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.kit.events.EventReader;
import dev.reel.search.replay.TopicReplay;
import dev.reel.search.replay.TopicReplays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Replays {@link Topics#PLAYBACK_SESSIONS} from the beginning at every start and follows it: every {@link
 * PlaybackStarted} counts one start of its title (deduplicated by event id); other playback events are ignored.
 * Readiness does not wait for it: until it catches up, rankings use the popularity learnt so far.
 */
@Component
class PlaybackFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlaybackFeed.class);
    private static final String STARTED = PlaybackStarted.class.getSimpleName();

    private final DecayedCounts counts;
    private final EventReader events;
    private final TopicReplay replay;
    private volatile boolean running;

    PlaybackFeed(TopicReplays replays, DecayedCounts counts, EventReader events) {
        this.counts = counts;
        this.events = events;
        this.replay = replays.create(Topics.PLAYBACK_SESSIONS, this::apply, this::caughtUp);
    }

    void apply(ConsumerRecord<String, String> record) {
        if (!STARTED.equals(events.type(record))) {
            return;
        }
        PlaybackStarted started = events.read(record, PlaybackStarted.class, PlaybackStarted.SCHEMA_VERSION);
        if (started == null || started.titleId() == null) {
            return;
        }
        counts.started(started.eventId(), started.titleId(), started.occurredAt());
    }

    private void caughtUp() {
        var status = replay.status();
        log.info(
                "popularity replayed from {}: {} records, {} titles started",
                Topics.PLAYBACK_SESSIONS,
                status.records(),
                counts.titles());
    }

    @Override
    public void start() {
        running = true;
        replay.start();
    }

    @Override
    public void stop() {
        running = false;
        replay.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
