/** The key store connection pool, the content key reader and the ClearKey licence service. */
@NullMarked
package dev.reel.playback.licence.internal;

import org.jspecify.annotations.NullMarked;
