package dev.reel.edgetoken;

import java.time.Instant;

/**
 * The claims an edge token carries, as signed: which key signed it, which path prefix it opens,
 * until when, and for which playback session.
 *
 * @param kid the id of the secret that signed the token
 * @param pathPrefix the path prefix the token authorises, such as {@code /v/title1}; a request path
 *     is inside it when it equals the prefix or continues it after a {@code '/'}
 * @param expiry the first instant at which the token is no longer valid, in whole seconds
 * @param sessionId the playback session the token was issued to
 */
public record EdgeToken(String kid, String pathPrefix, Instant expiry, String sessionId) {}
