package dev.reel.playback.session;

import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/** {@code POST .../stop}. @param positionMillis the last playhead; absent keeps the last heartbeat's */
public record StopRequest(@PositiveOrZero @Nullable Long positionMillis) {}
