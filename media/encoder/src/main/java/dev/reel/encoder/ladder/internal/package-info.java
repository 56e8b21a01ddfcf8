/** Numerics and ffmpeg argument building behind the ladder API. */
@NullMarked
package dev.reel.encoder.ladder.internal;

import org.jspecify.annotations.NullMarked;
