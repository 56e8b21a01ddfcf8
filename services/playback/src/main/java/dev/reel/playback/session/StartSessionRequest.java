package dev.reel.playback.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/playback/sessions}.
 *
 * @param profileId the caller's profile that watches
 * @param titleId the catalog title to play
 * @param episodeId for a series, the episode to play (one of the title's episodes); absent plays the title. The media
 *     is still the title's: per-episode media does not exist yet
 * @param device what the device can play; absent means the gateway's {@code X-Device-Class} (else desktop) with the
 *     default codecs
 */
public record StartSessionRequest(
        @NotNull UUID profileId,
        @NotNull UUID titleId,
        @Nullable UUID episodeId,
        @Valid @Nullable Device device) {

    /**
     * @param deviceClass {@code tv}, {@code phone}, {@code tablet} or {@code desktop}; absent means the {@code
     *     X-Device-Class} header
     * @param maxHeight the tallest picture the device shows, in pixels; only lowers the class's cap
     * @param codecs video codec families the device decodes ({@code avc1}, {@code hvc1}, {@code av01},
     *     {@code vp09}); absent or empty means the default list
     */
    public record Device(
            @JsonProperty("class")
            @Pattern(regexp = "(?i)tv|phone|tablet|desktop", message = "must be tv, phone, tablet or desktop")
            @Nullable
            String deviceClass,

            @Positive @Nullable Integer maxHeight,

            @Size(max = 16) @Nullable List<@Size(min = 1, max = 64) String> codecs) {}
}
