/** The decayed start counts and the playback topic feed that fills them. */
@NullMarked
package dev.reel.search.popularity.internal;

import org.jspecify.annotations.NullMarked;
