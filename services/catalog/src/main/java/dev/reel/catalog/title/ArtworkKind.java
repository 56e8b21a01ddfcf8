package dev.reel.catalog.title;

/** The role an image plays in the UI. */
public enum ArtworkKind {
    /** Portrait poster used in rows. */
    BOXART,
    /** Wide key art behind the title details. */
    HERO,
    /** The title's name as a transparent logo. */
    LOGO
}
