/**
 * Replaying a Kafka topic into memory: every instance reads the whole topic from the beginning on its own (manual
 * partition assignment, no consumer group, no committed offsets) and knows when it has caught up with the end offsets
 * it saw at start.
 */
@NullMarked
package dev.reel.search.replay;

import org.jspecify.annotations.NullMarked;
