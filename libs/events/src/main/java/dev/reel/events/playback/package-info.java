/** Facts about playback sessions, published by playback on {@link dev.reel.events.Topics#PLAYBACK_SESSIONS}. */
@NullMarked
package dev.reel.events.playback;

import org.jspecify.annotations.NullMarked;
