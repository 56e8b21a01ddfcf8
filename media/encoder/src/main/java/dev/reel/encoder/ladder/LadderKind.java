package dev.reel.encoder.ladder;

/** Where a ladder's rungs came from. */
public enum LadderKind {
    /** Chosen from the title's own convex hull by {@link PerTitleLadderPlanner}. */
    PER_TITLE,
    /** The same rungs for every title: {@link FixedLadder}. */
    FIXED
}
