package dev.reel.playback.edge;

/** What serves a session's bytes. */
public enum EdgeKind {
    /** An Open Connect appliance (media/edge in appliance mode). */
    APPLIANCE,
    /** The origin server, always listed last. */
    ORIGIN
}
