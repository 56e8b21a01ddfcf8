/**
 * How packaging is done: ffmpeg stream-copy segmenting into CMAF fragments, fragment timing, RFC 6381 codec strings,
 * HLS playlists, the DASH MPD, trickplay sprites and the staged, atomic replacement of the output directory.
 */
@NullMarked
package dev.reel.encoder.pack.internal;

import org.jspecify.annotations.NullMarked;
