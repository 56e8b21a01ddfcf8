package dev.reel.encoder.job.internal;

import dev.reel.encoder.chunk.Chunk;
import dev.reel.encoder.job.JobState;
import dev.reel.encoder.ladder.Rung;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which tasks each stage consists of, and which stage follows which. Pure functions of the job's analysis.
 *
 * <p>Weights make the encoding stage's progress follow the work: a chunk weighs its pixels × milliseconds × passes ÷
 * 1000, an audio track {@value #AUDIO_WEIGHT_PER_SECOND} per second (about what encoding a second of 256x144 video
 * costs), trickplay {@value #TRICKPLAY_WEIGHT_PER_SECOND} per second (a decode of the master), subtitles a token
 * weight.
 */
public final class StagePlanner {

    static final long AUDIO_WEIGHT_PER_SECOND = 40_000;
    static final long TRICKPLAY_WEIGHT_PER_SECOND = 60_000;
    static final long SUBTITLES_WEIGHT = 1_000;

    private StagePlanner() {}

    /** The working stage after {@code state}, or null after publishing (the job is then done). */
    public static @Nullable JobState next(JobState state) {
        return switch (state) {
            case QUEUED -> JobState.ANALYSING;
            case ANALYSING -> JobState.ENCODING;
            case ENCODING -> JobState.PACKAGING;
            case PACKAGING -> JobState.PUBLISHING;
            case PUBLISHING, DONE, FAILED -> null;
        };
    }

    /** The analysing stage: one task. */
    public static List<TaskSpec> analysing() {
        return List.of(TaskSpec.single(TaskKind.ANALYSE));
    }

    /**
     * The encoding stage: a {@link TaskKind#VIDEO_CHUNK} for every rung × chunk (the dearest rung first, so the
     * longest tasks start early), an {@link TaskKind#AUDIO} task per audio track, one {@link TaskKind#SUBTITLES} and
     * one {@link TaskKind#TRICKPLAY} task.
     *
     * @param rungs the ladder's rungs by increasing bitrate
     * @param chunks the chunk plan
     * @param passes encoding passes per chunk
     * @param audioTracks the master's audio track count
     * @param duration the master's duration
     */
    public static List<TaskSpec> encoding(
            List<Rung> rungs, List<Chunk> chunks, int passes, int audioTracks, Duration duration) {
        if (rungs.isEmpty() || chunks.isEmpty()) {
            throw new IllegalArgumentException("a title needs at least one rung and one chunk");
        }
        List<TaskSpec> tasks = new ArrayList<>(rungs.size() * chunks.size() + audioTracks + 2);
        for (int rung = rungs.size() - 1; rung >= 0; rung--) {
            long pixels = rungs.get(rung).resolution().pixels();
            for (Chunk chunk : chunks) {
                long weight = Math.max(1, pixels * chunk.duration().toMillis() * passes / 1000);
                tasks.add(new TaskSpec(TaskKind.VIDEO_CHUNK, rung, chunk.index(), weight));
            }
        }
        long seconds = Math.max(1, Math.round(duration.toMillis() / 1000.0));
        for (int track = 0; track < audioTracks; track++) {
            tasks.add(new TaskSpec(TaskKind.AUDIO, 0, track, AUDIO_WEIGHT_PER_SECOND * seconds));
        }
        tasks.add(new TaskSpec(TaskKind.SUBTITLES, 0, 0, SUBTITLES_WEIGHT));
        tasks.add(new TaskSpec(TaskKind.TRICKPLAY, 0, 0, TRICKPLAY_WEIGHT_PER_SECOND * seconds));
        return List.copyOf(tasks);
    }

    /** The packaging stage: one task. */
    public static List<TaskSpec> packaging() {
        return List.of(TaskSpec.single(TaskKind.PACKAGE));
    }

    /** The publishing stage: one task. */
    public static List<TaskSpec> publishing() {
        return List.of(TaskSpec.single(TaskKind.PUBLISH));
    }
}
