/** Publication of searches to Kafka, best effort. */
@NullMarked
package dev.reel.search.query.internal;

import org.jspecify.annotations.NullMarked;
