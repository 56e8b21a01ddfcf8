package dev.reel.encoder.ladder;

/** How a rung is encoded for delivery. */
public enum RateControl {
    /**
     * Capped VBR: a target average bitrate with a VBV cap ({@code -b:v}, {@code -maxrate}, {@code -bufsize}), so the
     * size of every segment stays close to the advertised bandwidth. The default: players pick rungs by bandwidth,
     * and a predictable peak is what keeps them from stalling.
     */
    CAPPED_VBR,
    /**
     * Capped CRF: the trial's constant quality ({@code -crf}) under the same VBV cap. Spends fewer bits on easy scenes
     * but gives less predictable segment sizes.
     */
    CAPPED_CRF
}
