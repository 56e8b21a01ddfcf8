package dev.reel.personalization.engagement;

import dev.reel.events.ReelEvent;
import java.util.List;

/** Publishes client engagement events on {@code reel.client.engagement.v1}. */
public interface EngagementEvents {

    /** Hands the events to Kafka in the background and returns at once: best effort, a broker outage loses them. */
    void publish(List<ReelEvent> events);
}
