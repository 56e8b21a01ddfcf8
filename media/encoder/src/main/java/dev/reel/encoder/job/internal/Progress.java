package dev.reel.encoder.job.internal;

import dev.reel.encoder.job.JobState;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A job's percentage and ETA, as arithmetic. Each working stage owns a share of the 100 points (analysing 10, encoding
 * 70, packaging 12, publishing 8); within a stage, progress is the finished share of its tasks' weights. The ETA
 * extrapolates the rate observed in the current stage (points per second since the stage started) over the points
 * left, falling back to the rate since the job started while the current stage has finished nothing yet.
 */
public final class Progress {

    /** Minimum points between two progress events of the same stage. */
    public static final int ANNOUNCE_STEP = 10;

    private Progress() {}

    /** The points a working stage is worth; 0 for the others. */
    public static int weight(JobState state) {
        return switch (state) {
            case ANALYSING -> 10;
            case ENCODING -> 70;
            case PACKAGING -> 12;
            case PUBLISHING -> 8;
            case QUEUED, DONE, FAILED -> 0;
        };
    }

    /** The points of the working stages before {@code state} (100 for done). */
    public static int before(JobState state) {
        return switch (state) {
            case QUEUED, ANALYSING -> 0;
            case ENCODING -> 10;
            case PACKAGING -> 80;
            case PUBLISHING -> 92;
            case DONE -> 100;
            case FAILED -> throw new IllegalArgumentException("a failed job keeps the percentage it reached");
        };
    }

    /**
     * The exact percentage of a job in {@code state} whose current stage is {@code stageFraction} done.
     *
     * @param stageFraction 0 to 1 (clamped)
     */
    public static double exactPercent(JobState state, double stageFraction) {
        double fraction = Math.clamp(stageFraction, 0.0, 1.0);
        return before(state) + weight(state) * fraction;
    }

    /**
     * The whole percentage shown: 0 when queued, 100 only when done, else at most 99 (a job whose last task finished
     * is done, not at 100 %).
     */
    public static int percent(JobState state, double stageFraction) {
        if (state == JobState.DONE) {
            return 100;
        }
        return (int) Math.min(99, Math.floor(exactPercent(state, stageFraction)));
    }

    /**
     * The seconds left, or null when there is no rate to extrapolate yet.
     *
     * @param stageFraction how much of the current stage is done, 0 to 1
     * @param inStage time since the current stage started
     * @param sinceStart time since the job started (its first task was claimed)
     */
    public static @Nullable Long etaSeconds(
            JobState state, double stageFraction, Duration inStage, Duration sinceStart) {
        if (state == JobState.DONE) {
            return 0L;
        }
        if (state == JobState.QUEUED || state == JobState.FAILED) {
            return null;
        }
        double exact = exactPercent(state, stageFraction);
        double stagePoints = weight(state) * Math.clamp(stageFraction, 0.0, 1.0);
        double rate;
        if (stagePoints > 0 && inStage.toMillis() > 0) {
            rate = stagePoints / (inStage.toMillis() / 1000.0);
        } else if (exact > 0 && sinceStart.toMillis() > 0) {
            rate = exact / (sinceStart.toMillis() / 1000.0);
        } else {
            return null;
        }
        return (long) Math.ceil((100.0 - exact) / rate);
    }

    /**
     * Whether a progress event is due: on every stage change, and otherwise when the percentage moved at least {@link
     * #ANNOUNCE_STEP} points past the last announced one.
     */
    public static boolean announce(boolean stageChanged, int percent, int lastAnnounced) {
        return stageChanged || percent >= lastAnnounced + ANNOUNCE_STEP;
    }
}
