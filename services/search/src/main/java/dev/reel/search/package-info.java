/**
 * Reel's search service: an in-memory Lucene index of the published catalog, rebuilt at start by replaying the
 * compacted catalog topic, with prefix type-ahead, typo tolerance, popularity from playback events, and the profile's
 * maturity ceiling applied to every answer.
 */
@NullMarked
package dev.reel.search;

import org.jspecify.annotations.NullMarked;
