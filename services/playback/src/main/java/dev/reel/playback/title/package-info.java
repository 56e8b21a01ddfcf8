/** The catalog's view of a title: whether it is published, its maturity, and the encoded media to play. */
@NullMarked
package dev.reel.playback.title;

import org.jspecify.annotations.NullMarked;
