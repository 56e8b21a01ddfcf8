/** Publishing client events to Kafka, best effort. */
@NullMarked
package dev.reel.personalization.engagement.internal;

import org.jspecify.annotations.NullMarked;
