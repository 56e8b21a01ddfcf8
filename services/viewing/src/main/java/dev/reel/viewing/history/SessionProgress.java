package dev.reel.viewing.history;

import java.time.Instant;
import java.util.UUID;

/** A live playback session's playhead at its latest event, to count the time watched between two events. */
public record SessionProgress(UUID sessionId, long positionMillis, Instant at) {}
