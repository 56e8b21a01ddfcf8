package dev.reel.search.replay;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a replay is.
 *
 * @param topic the replayed topic
 * @param caughtUp whether every partition was read up to the end offset seen at start (a topic that did not exist at
 *     start counts as caught up once the broker said so)
 * @param records records read so far
 * @param startedAt when the replay started
 * @param catchUpTime from start to caught up, or null before
 * @param lastError the last broker error, or null when the last attempt succeeded
 */
public record ReplayStatus(
        String topic,
        boolean caughtUp,
        long records,
        Instant startedAt,
        @Nullable Duration catchUpTime,
        @Nullable String lastError) {}
