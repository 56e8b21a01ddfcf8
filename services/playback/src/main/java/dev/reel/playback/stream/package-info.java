/**
 * Stream selection: the renditions of a packaged title version, which of them a device may play, and the per-session
 * HLS and DASH manifests that list only those, pointing at the session's edges.
 */
@NullMarked
package dev.reel.playback.stream;

import org.jspecify.annotations.NullMarked;
