package dev.reel.playback.session.internal;

/** A session's lifecycle: live until the client stops it or its heartbeats stop. */
enum SessionState {
    LIVE,
    /** The client called stop. */
    STOPPED,
    /** No heartbeat within the session timeout. */
    EXPIRED
}
