package dev.reel.playback.edge;

import java.util.Objects;

/**
 * One place a session may stream from, as steering names it.
 *
 * @param id the appliance id ({@code isp-a}) or {@code origin}
 * @param kind appliance or origin
 * @param baseUrl the server's base URL ({@code http://localhost:9100}), without a trailing slash
 */
public record EdgeTarget(String id, EdgeKind kind, String baseUrl) {

    public EdgeTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
