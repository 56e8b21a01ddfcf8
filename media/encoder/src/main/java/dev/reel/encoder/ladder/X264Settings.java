package dev.reel.encoder.ladder;

import dev.reel.encoder.ladder.internal.X264Args;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * x264 settings shared by trial and rung encodes, so that trials predict the rungs. GOPs have a fixed length with no
 * scene-cut keyframes, so keyframes fall on the same times in every rendition and segments can be cut there.
 *
 * @param preset an x264 preset name, e.g. {@code veryfast} or {@code slow}
 * @param gopSeconds keyframe interval in seconds, positive (segment durations should be a multiple of it)
 * @param threads encoder, decoder and filter threads per ffmpeg process; 0 lets ffmpeg choose (use 1 when a pool
 *     already runs one process per core)
 */
public record X264Settings(String preset, double gopSeconds, int threads) {

    private static final Set<String> PRESETS = Set.of(
            "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo");

    /** Preset {@code medium}, 2 s GOPs, ffmpeg's thread count. */
    public static final X264Settings DEFAULT = new X264Settings("medium", 2.0, 0);

    public X264Settings {
        Objects.requireNonNull(preset, "preset");
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("unknown x264 preset: " + preset);
        }
        if (!(gopSeconds > 0) || !Double.isFinite(gopSeconds)) {
            throw new IllegalArgumentException("GOP length must be positive: " + gopSeconds);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0: " + threads);
        }
    }

    /** The GOP length in frames at {@code frameRate}, at least 1. */
    public int gopFrames(double frameRate) {
        return Math.max(1, (int) Math.round(gopSeconds * frameRate));
    }

    public X264Settings withPreset(String preset) {
        return new X264Settings(preset, gopSeconds, threads);
    }

    public X264Settings withThreads(int threads) {
        return new X264Settings(preset, gopSeconds, threads);
    }

    /** The scaler every rendition is downscaled with, so trial, rung and chunk encodes match. */
    public static final String DOWNSCALER = X264Args.DOWNSCALER;

    /**
     * The x264 encoder arguments for {@code source} with these settings: fixed GOP, no scene-cut
     * keyframes, preset and threads. The same arguments serve trial, rung and chunk encodes.
     */
    public List<String> encoderArguments(SourceVideo source) {
        return X264Args.encoder(source, this);
    }
}
