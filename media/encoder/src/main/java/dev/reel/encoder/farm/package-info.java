/**
 * An in-process encode farm: a fixed pool of workers running ffmpeg tasks by priority. The durable, multi-instance
 * task queue comes later; this one serves analysis and benchmarks inside one process.
 */
@NullMarked
package dev.reel.encoder.farm;

import org.jspecify.annotations.NullMarked;
