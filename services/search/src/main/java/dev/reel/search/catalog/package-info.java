/**
 * The catalog feed: the published catalog, replayed from the compacted {@code reel.catalog.titles.v1} topic into the
 * title index at every start, then followed. The instance reports itself not ready (readiness probe, health, Eureka
 * status) until the replay has reached the end offsets seen at start.
 */
@NullMarked
package dev.reel.search.catalog;

import org.jspecify.annotations.NullMarked;
