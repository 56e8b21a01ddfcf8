package dev.reel.playback.session;

import java.time.Instant;

/** @param expiresAt when the session expires without another heartbeat */
public record HeartbeatResponse(Instant expiresAt) {}
