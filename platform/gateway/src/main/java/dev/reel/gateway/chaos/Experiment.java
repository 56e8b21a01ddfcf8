package dev.reel.gateway.chaos;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ChAP experiment, as the API shows it.
 *
 * @param fault {@code latency}, {@code errors} or {@code kill}
 * @param trafficPercent the slice of accounts in each cohort
 * @param marginPercent how far below control the experiment may fall before it is stopped
 * @param minStarts control starts needed before any verdict
 * @param reason why it ended, in words; {@code null} while running
 * @param endedAt {@code null} while running
 */
public record Experiment(
        String id,
        String target,
        String fault,
        int latencyMs,
        int percent,
        int trafficPercent,
        int marginPercent,
        int minStarts,
        State state,
        @Nullable String reason,
        Instant startedAt,
        Instant endsAt,
        @Nullable Instant endedAt,
        Cohort control,
        Cohort experiment) {

    /** An experiment's life: running, then ended one of three ways. */
    public enum State {
        RUNNING,
        COMPLETED,
        STOPPED_HARMFUL,
        STOPPED_BY_USER
    }
}
