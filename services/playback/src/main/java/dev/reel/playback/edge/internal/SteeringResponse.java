package dev.reel.playback.edge.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Steering's answer; fields playback does not use are ignored.
 *
 * @param client the client address steering ranked for
 * @param network the id of the appliance whose network holds the client, or null
 * @param targets first choice first, origin last
 */
public record SteeringResponse(
        @Nullable String client,
        @Nullable String network,
        @Nullable List<Target> targets) {

    /**
     * @param kind {@code APPLIANCE} or {@code ORIGIN}
     */
    public record Target(
            @Nullable String id,
            @Nullable String baseUrl,
            @Nullable String kind) {}
}
