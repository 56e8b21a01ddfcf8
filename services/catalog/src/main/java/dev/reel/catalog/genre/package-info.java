/**
 * Genres: the browse categories titles are filed under. Names are unique ignoring case; each genre has a
 * URL slug derived from its name.
 */
@NullMarked
package dev.reel.catalog.genre;

import org.jspecify.annotations.NullMarked;
