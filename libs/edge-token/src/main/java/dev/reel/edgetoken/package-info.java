/**
 * Signed edge tokens. Playback signs one per session with {@link dev.reel.edgetoken.EdgeTokens#sign};
 * every edge appliance checks it on every request with {@link dev.reel.edgetoken.EdgeTokens#verify}.
 */
@NullMarked
package dev.reel.edgetoken;

import org.jspecify.annotations.NullMarked;
