/**
 * Genre storage and the {@link dev.reel.catalog.genre.Genres} implementation.
 */
@NullMarked
package dev.reel.catalog.genre.internal;

import org.jspecify.annotations.NullMarked;
