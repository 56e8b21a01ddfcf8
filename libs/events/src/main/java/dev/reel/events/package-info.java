/**
 * The contracts between Reel's services: versioned event records, their topics and keys.
 *
 * <p>Events are facts written in the past tense. A change to a record that is not backwards compatible
 * bumps its schema version and its topic's version suffix.
 */
@NullMarked
package dev.reel.events;

import org.jspecify.annotations.NullMarked;
