/** The session store in PostgreSQL, the session service with its stream-slot lock, and the expiry sweeper. */
@NullMarked
package dev.reel.playback.session.internal;

import org.jspecify.annotations.NullMarked;
