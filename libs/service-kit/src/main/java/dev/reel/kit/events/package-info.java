/** Publishing events to Kafka through a transactional outbox. */
@NullMarked
package dev.reel.kit.events;

import org.jspecify.annotations.NullMarked;
