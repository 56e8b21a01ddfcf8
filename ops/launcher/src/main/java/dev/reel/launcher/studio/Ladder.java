package dev.reel.launcher.studio;

/** Which ladder the encoder builds for a master. */
public enum Ladder {
    /** Rungs chosen from the title's own rate-quality hull. */
    PER_TITLE,
    /** The classic one-size ladder, for comparison. */
    FIXED
}
