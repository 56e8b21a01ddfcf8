/**
 * Packaging: turns a title's encoded rungs into what the origin serves.
 *
 * <p>Per title, before packaging: {@link dev.reel.encoder.pack.AudioEncoder} encodes each audio track of the master
 * once (AAC-LC stereo), {@link dev.reel.encoder.pack.SubtitleExtractor} converts its text subtitles to WebVTT, and
 * {@link dev.reel.encoder.pack.TrickplayGenerator} makes thumbnail sprites with a {@code thumbnails.vtt}. {@link
 * dev.reel.encoder.pack.Packager} then cuts the video rungs and audio tracks into aligned CMAF segments, encrypts them
 * with the title's content key (CENC 'cenc', ClearKey-signalled), and writes HLS and DASH manifests over the same
 * files, replacing the output directory as a whole. The key never reaches the output; only its id does.
 */
@NullMarked
package dev.reel.encoder.pack;

import org.jspecify.annotations.NullMarked;
