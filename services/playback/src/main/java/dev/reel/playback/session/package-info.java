/**
 * Playback sessions: starting one (entitlement, concurrent streams, stream selection, edges), its manifests,
 * heartbeats, stop and expiry, and the session events.
 */
@NullMarked
package dev.reel.playback.session;

import org.jspecify.annotations.NullMarked;
