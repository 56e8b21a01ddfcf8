/**
 * Probing media files with ffprobe: {@link dev.reel.encoder.probe.MediaProber} turns a file into a {@link
 * dev.reel.encoder.probe.MediaInfo} (duration, video, audio and subtitle tracks, keyframe times on request) and fails
 * clearly with {@link dev.reel.encoder.probe.MediaProbeException} for anything that is not usable media.
 */
@NullMarked
package dev.reel.encoder.probe;

import org.jspecify.annotations.NullMarked;
