/**
 * Reel's playback service: the play API. It checks entitlement, enforces concurrent streams, picks the renditions a
 * device can play, writes per-session manifests, hands out signed edge URLs in steering order and serves ClearKey
 * licences while a session is live.
 */
@NullMarked
package dev.reel.playback;

import org.jspecify.annotations.NullMarked;
