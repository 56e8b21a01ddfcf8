package dev.reel.playback.session;

import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST .../heartbeat}: where the player is. Absent fields count as 0.
 *
 * @param positionMillis the playhead
 * @param bitrateBps the bitrate of the rendition playing
 * @param bufferMillis media buffered ahead of the playhead
 * @param rebufferCount stalls since the previous heartbeat
 * @param rebufferMillis time stalled since the previous heartbeat
 * @param timeToFirstFrameMillis the play delay the player measured, from the viewer pressing Play to the first frame
 *     on screen; sent once, with the first heartbeat after that frame
 */
public record HeartbeatRequest(
        @PositiveOrZero @Nullable Long positionMillis,
        @PositiveOrZero @Nullable Long bitrateBps,
        @PositiveOrZero @Nullable Long bufferMillis,
        @PositiveOrZero @Nullable Integer rebufferCount,
        @PositiveOrZero @Nullable Long rebufferMillis,
        @PositiveOrZero @Nullable Long timeToFirstFrameMillis) {}
