package dev.reel.encoder.job.internal;

import dev.reel.encoder.job.JobState;

/** What a task does, and the stage it belongs to. */
public enum TaskKind {
    /** Probe the master, plan the chunks, choose the ladder. */
    ANALYSE(JobState.ANALYSING),
    /** Encode one chunk of one rung. */
    VIDEO_CHUNK(JobState.ENCODING),
    /** Encode one audio track of the whole title. */
    AUDIO(JobState.ENCODING),
    /** Extract every text subtitle track as WebVTT. */
    SUBTITLES(JobState.ENCODING),
    /** Make the trickplay sprites and their WebVTT map. */
    TRICKPLAY(JobState.ENCODING),
    /** Assemble and verify the rungs, store the key, package and encrypt. */
    PACKAGE(JobState.PACKAGING),
    /** Publish the package to the origin. */
    PUBLISH(JobState.PUBLISHING);

    private final JobState stage;

    TaskKind(JobState stage) {
        this.stage = stage;
    }

    public JobState stage() {
        return stage;
    }
}
