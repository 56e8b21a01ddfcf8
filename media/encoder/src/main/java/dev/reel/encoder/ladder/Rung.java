package dev.reel.encoder.ladder;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rendition of a ladder.
 *
 * @param resolution the picture size
 * @param rateControl how it is encoded
 * @param bitrate the target average bits per second, positive (what a manifest advertises as average bandwidth)
 * @param maxBitrate the VBV {@code maxrate}, at least {@code bitrate}
 * @param bufferSize the VBV {@code bufsize} in bits, positive
 * @param crf the x264 CRF: the quality setting under {@link RateControl#CAPPED_CRF}, and for {@link
 *     RateControl#CAPPED_VBR} the trial setting that measured {@code bitrate}; {@code null} for fixed-ladder rungs
 * @param expectedQuality the quality the trial encode measured, or {@code null} when not measured
 */
public record Rung(
        Resolution resolution,
        RateControl rateControl,
        long bitrate,
        long maxBitrate,
        long bufferSize,
        @Nullable Integer crf,
        @Nullable Double expectedQuality) {

    public Rung {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(rateControl, "rateControl");
        if (bitrate <= 0 || maxBitrate < bitrate || bufferSize <= 0) {
            throw new IllegalArgumentException("need 0 < bitrate <= maxBitrate and bufferSize > 0: " + bitrate + ", "
                    + maxBitrate + ", " + bufferSize);
        }
        if (rateControl == RateControl.CAPPED_CRF && crf == null) {
            throw new IllegalArgumentException("a capped-CRF rung needs a crf");
        }
    }

    /** A capped-VBR rung at {@code bitrate} with the cap from {@code vbr}. */
    public static Rung cappedVbr(
            Resolution resolution,
            long bitrate,
            VbrSettings vbr,
            @Nullable Integer crf,
            @Nullable Double expectedQuality) {
        return new Rung(
                resolution,
                RateControl.CAPPED_VBR,
                bitrate,
                vbr.maxBitrate(bitrate),
                vbr.bufferSize(bitrate),
                crf,
                expectedQuality);
    }

    @Override
    public String toString() {
        return resolution + "@" + Math.round(bitrate / 1000.0) + "kbps";
    }
}
