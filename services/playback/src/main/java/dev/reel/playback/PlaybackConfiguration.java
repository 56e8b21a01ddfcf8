package dev.reel.playback;

import dev.reel.events.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Service-wide wiring: the events topic and the clock. Every playback route needs a member's token, so the service
 * declares no public routes.
 */
@Configuration(proxyBeanMethods = false)
class PlaybackConfiguration {

    /**
     * Session facts ({@code PlaybackStarted}, {@code PlaybackHeartbeat}, {@code PlaybackStopped}), keyed by profile so
     * one profile's facts stay in order. Not compacted: every fact counts (viewing history, popularity).
     */
    @Bean
    NewTopic playbackSessionsTopic() {
        return TopicBuilder.name(Topics.PLAYBACK_SESSIONS).partitions(3).build();
    }

    @Bean
    Clock playbackClock() {
        return Clock.systemUTC();
    }
}
