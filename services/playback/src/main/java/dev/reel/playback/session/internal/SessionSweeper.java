package dev.reel.playback.session.internal;

import dev.reel.playback.PlaybackProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Ends sessions whose heartbeats stopped, every {@code reel.playback.sweeper.interval}, on every instance: each pass
 * claims due sessions with {@code FOR UPDATE SKIP LOCKED} in batches of {@code batch-size} until none is left, so
 * instances share the work and never end a session twice. Each ended session emits {@code PlaybackStopped} with reason
 * {@code EXPIRED} and frees its stream slot. A failing pass is logged and the next one runs as usual.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SessionSweeper.class);

    /** A pass ends at most this many batches, so one pass never runs unbounded. */
    private static final int MAX_BATCHES_PER_PASS = 100;

    private final SessionService sessions;
    private final Duration interval;
    private final int batchSize;

    SessionSweeper(SessionService sessions, PlaybackProperties properties) {
        this.sessions = sessions;
        this.interval = properties.sweeper().interval();
        this.batchSize = Math.max(1, properties.sweeper().batchSize());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new IntervalTask(this::pass, interval, interval));
    }

    void pass() {
        try {
            int total = 0;
            for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
                int ended = sessions.expireDue(batchSize);
                total += ended;
                if (ended < batchSize) {
                    break;
                }
            }
            if (total > 0) {
                log.info("expired {} playback sessions", total);
            }
        } catch (RuntimeException e) {
            log.warn("session sweep failed; next pass in {}", interval, e);
        }
    }
}
