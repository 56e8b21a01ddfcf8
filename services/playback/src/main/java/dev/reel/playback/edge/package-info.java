/**
 * Where a session streams from: the edges steering ranks for the client (origin last), and their per-session base
 * URLs carrying a signed edge token in the path.
 */
@NullMarked
package dev.reel.playback.edge;

import org.jspecify.annotations.NullMarked;
