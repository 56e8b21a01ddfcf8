package dev.reel.playback.session;

/**
 * The outcome of a start.
 *
 * @param created false when an {@code Idempotency-Key} retry returned the session of an earlier start
 */
public record StartedSession(PlaybackSession session, boolean created) {}
