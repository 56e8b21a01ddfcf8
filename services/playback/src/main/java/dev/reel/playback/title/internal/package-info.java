/** The resilient catalog client, its fallback and the last-known title cache. */
@NullMarked
package dev.reel.playback.title.internal;

import org.jspecify.annotations.NullMarked;
