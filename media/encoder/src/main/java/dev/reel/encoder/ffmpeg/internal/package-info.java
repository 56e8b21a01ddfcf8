/** Process plumbing behind {@link dev.reel.encoder.ffmpeg.FfmpegRunner}: bounded stream capture and parsing. */
@NullMarked
package dev.reel.encoder.ffmpeg.internal;

import org.jspecify.annotations.NullMarked;
