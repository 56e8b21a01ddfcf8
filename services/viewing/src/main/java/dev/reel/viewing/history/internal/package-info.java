/** The playback events consumer, the watch rules, the viewing service and the PostgreSQL store. */
@NullMarked
package dev.reel.viewing.history.internal;

import org.jspecify.annotations.NullMarked;
