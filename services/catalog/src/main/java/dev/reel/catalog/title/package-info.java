/**
 * Titles: movies and series (with seasons and episodes), their cast, genres and artwork, and the
 * draft/published lifecycle. Publishing and changes to published titles are announced on
 * {@link dev.reel.events.Topics#CATALOG_TITLES} through the transactional outbox.
 */
@NullMarked
package dev.reel.catalog.title;

import org.jspecify.annotations.NullMarked;
