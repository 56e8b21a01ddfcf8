package dev.reel.encoder.ladder;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The per-title analysis of one title: its trial encodes, then a ladder planned from their hull. Thread-safe.
 */
public final class PerTitleAnalyzer {

    private final TrialEncoder trials;
    private final TrialPlan plan;
    private final PerTitleLadderPlanner planner;

    public PerTitleAnalyzer(TrialEncoder trials, TrialPlan plan, PerTitleLadderPlanner planner) {
        this.trials = Objects.requireNonNull(trials, "trials");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /**
     * Runs the trials of {@code reference} on {@code executor} and plans its ladder.
     *
     * @param reference the video to analyse; pass a {@link SourceVideo#decodeToRaw raw decode} of a short master to
     *     avoid decoding it once per trial
     * @return the ladder, or a future completed exceptionally with the first trial failure
     */
    public CompletableFuture<Ladder> analyse(SourceVideo reference, Executor executor) {
        return trials.trials(reference, plan, executor)
                .thenApply(points ->
                        planner.plan(reference.resolution(), trials.metric().name(), points));
    }
}
