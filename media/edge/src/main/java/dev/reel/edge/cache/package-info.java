/**
 * The edge's disk cache: {@link dev.reel.edge.cache.DiskCache} keeps an index of the cached
 * objects within a byte capacity and evicts by a {@link dev.reel.edge.cache.EvictionPolicy}.
 */
@NullMarked
package dev.reel.edge.cache;

import org.jspecify.annotations.NullMarked;
