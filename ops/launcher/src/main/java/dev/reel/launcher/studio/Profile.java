package dev.reel.launcher.studio;

/** How hard the encoder works on a master. */
public enum Profile {
    /** Production presets and the full trial grid: for real content. */
    STANDARD,
    /** Fast presets and a sparse trial grid: for short demo and test clips. */
    FAST
}
