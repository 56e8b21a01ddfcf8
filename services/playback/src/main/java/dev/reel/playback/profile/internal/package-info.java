/** The resilient identity client, its fallback and the last-known profile cache. */
@NullMarked
package dev.reel.playback.profile.internal;

import org.jspecify.annotations.NullMarked;
