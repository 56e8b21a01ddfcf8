/**
 * The catalog as viewing needs it, kept from catalog snapshots on {@code reel.catalog.titles.v1}: names and types for
 * the API, runtimes for durations the playback events leave unknown, and each series' episodes in order for the
 * next-episode logic.
 */
@NullMarked
package dev.reel.viewing.title;

import org.jspecify.annotations.NullMarked;
