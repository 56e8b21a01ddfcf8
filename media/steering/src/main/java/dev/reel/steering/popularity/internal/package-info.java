/** The playback events consumer and the decayed scores in PostgreSQL. */
@NullMarked
package dev.reel.steering.popularity.internal;

import org.jspecify.annotations.NullMarked;
