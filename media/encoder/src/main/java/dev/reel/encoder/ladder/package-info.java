/**
 * Per-title encoding ladders: trial encodes of a title at several resolutions and quality settings ({@link
 * dev.reel.encoder.ladder.TrialEncoder}), a full-reference {@link dev.reel.encoder.ladder.QualityMetric} for each,
 * the upper {@link dev.reel.encoder.ladder.ConvexHull} of quality against bitrate, and a {@link
 * dev.reel.encoder.ladder.PerTitleLadderPlanner} that picks rungs along it. {@link dev.reel.encoder.ladder.FixedLadder}
 * is the classic one-size ladder to compare with, and {@link dev.reel.encoder.ladder.BjontegaardDelta} compares two
 * rate–quality curves.
 *
 * <p>Units everywhere: bitrates in bits per second, quality in the metric's own unit (see {@link
 * dev.reel.encoder.ladder.QualityMetric#unit()}).
 */
@NullMarked
package dev.reel.encoder.ladder;

import org.jspecify.annotations.NullMarked;
