/** Encoding jobs: the durable task queue, the workers that claim its tasks, stages, progress and events. */
@NullMarked
package dev.reel.encoder.job;

import org.jspecify.annotations.NullMarked;
