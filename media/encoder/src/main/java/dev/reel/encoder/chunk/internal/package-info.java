/** Helpers of the chunk package: the concat demuxer's list file. */
@NullMarked
package dev.reel.encoder.chunk.internal;

import org.jspecify.annotations.NullMarked;
