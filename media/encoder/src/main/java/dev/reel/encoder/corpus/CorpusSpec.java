package dev.reel.encoder.corpus;

import java.util.List;
import java.util.Objects;

/**
 * What masters to generate. Build with {@link #builder()}.
 *
 * @param width picture width, even, at least 64
 * @param height picture height, even, at least 64
 * @param frameRate frames per second, whole, 1..120
 * @param seconds length, positive, at most one hour
 * @param clips which scenes, distinct, at least one
 * @param masterCrf the x264 CRF of the masters (mezzanine quality), 0..51
 * @param preset the x264 preset of the masters
 */
public record CorpusSpec(
        int width, int height, int frameRate, double seconds, List<SyntheticClip> clips, int masterCrf, String preset) {

    public CorpusSpec {
        clips = List.copyOf(clips);
        Objects.requireNonNull(preset, "preset");
        if (width < 64 || height < 64 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("size must be even and at least 64x64: " + width + "x" + height);
        }
        if (frameRate < 1 || frameRate > 120) {
            throw new IllegalArgumentException("frame rate must be within 1..120: " + frameRate);
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new IllegalArgumentException("length must be within (0, 3600] s: " + seconds);
        }
        if (clips.isEmpty() || clips.stream().distinct().count() != clips.size()) {
            throw new IllegalArgumentException("clips must be distinct and at least one: " + clips);
        }
        if (masterCrf < 0 || masterCrf > 51) {
            throw new IllegalArgumentException("master CRF must be within 0..51: " + masterCrf);
        }
    }

    /** 1280x720, 24 fps, 4 s, every clip, CRF 14 {@code veryfast} masters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Validating builder; {@link #build()} throws {@link IllegalArgumentException} on bad values. */
    public static final class Builder {

        private int width = 1280;
        private int height = 720;
        private int frameRate = 24;
        private double seconds = 4;
        private List<SyntheticClip> clips = List.of(SyntheticClip.values());
        private int masterCrf = 14;
        private String preset = "veryfast";

        private Builder() {}

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder frameRate(int frameRate) {
            this.frameRate = frameRate;
            return this;
        }

        public Builder seconds(double seconds) {
            this.seconds = seconds;
            return this;
        }

        public Builder clips(List<SyntheticClip> clips) {
            this.clips = List.copyOf(clips);
            return this;
        }

        public Builder masterCrf(int crf) {
            this.masterCrf = crf;
            return this;
        }

        public Builder preset(String preset) {
            this.preset = Objects.requireNonNull(preset, "preset");
            return this;
        }

        public CorpusSpec build() {
            return new CorpusSpec(width, height, frameRate, seconds, clips, masterCrf, preset);
        }
    }
}
