package dev.reel.playback.session;

import java.util.UUID;

/** A live session of the caller, for features that serve it (the licence endpoint). */
public record LiveSession(UUID sessionId, UUID accountId, UUID titleId, String originVersion) {}
