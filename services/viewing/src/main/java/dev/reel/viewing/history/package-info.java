/**
 * Viewing history, bookmarks and Continue Watching per profile: the {@code /api/v1/viewing} API, the {@link
 * dev.reel.viewing.history.ViewingStore} it is kept in, and (in {@code internal}) the playback events consumer that
 * builds it.
 */
@NullMarked
package dev.reel.viewing.history;

import org.jspecify.annotations.NullMarked;
