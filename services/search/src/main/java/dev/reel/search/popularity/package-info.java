/**
 * How much members watch each title lately: playback starts, each counting less as it ages (exponential decay with a
 * half-life), learnt by replaying the playback topic.
 */
@NullMarked
package dev.reel.search.popularity;

import org.jspecify.annotations.NullMarked;
