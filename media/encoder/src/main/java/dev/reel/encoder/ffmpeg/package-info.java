/**
 * Runs the {@code ffmpeg} and {@code ffprobe} binaries as child processes: argument lists (never a shell), a
 * timeout, a bounded capture of stderr, a clear exception with the tail of stderr on failure, and the CPU time of
 * each ffmpeg run so an encode farm can account for its work.
 */
@NullMarked
package dev.reel.encoder.ffmpeg;

import org.jspecify.annotations.NullMarked;
