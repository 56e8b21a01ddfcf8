/**
 * Synthetic studio masters generated from ffmpeg's lavfi sources, of clearly different coding complexity (flat
 * cartoon-like shapes up to film grain and fast pans over fractal detail), each with an AAC audio track. Used by the
 * per-title benchmark and to seed demo content.
 */
@NullMarked
package dev.reel.encoder.corpus;

import org.jspecify.annotations.NullMarked;
