/** The origin-backed manifest reader and the pure HLS and DASH parsers and rewriters. */
@NullMarked
package dev.reel.playback.stream.internal;

import org.jspecify.annotations.NullMarked;
