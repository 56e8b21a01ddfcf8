package dev.reel.playback.edge;

import java.util.List;
import java.util.UUID;

/** Ranks the edges for a client and a title. Must be called on the request thread (it uses the caller's token). */
public interface EdgeSteering {

    /**
     * The edges to list for a session, first choice first, the origin last. Never fails for steering's sake: when
     * steering is unavailable or refuses, the last answer for the client's network ({@code /24} or {@code /64}) and
     * the title is used, else the origin alone.
     *
     * @param clientAddress the client's IP address as text
     * @return at least one target; the last is the origin
     */
    List<EdgeTarget> targets(UUID titleId, String clientAddress);
}
