/**
 * The ClearKey licence endpoint: the content keys of a live session's title, unwrapped from the key store with the
 * licence private key.
 */
@NullMarked
package dev.reel.playback.licence;

import org.jspecify.annotations.NullMarked;
