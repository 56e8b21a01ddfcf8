package dev.reel.playback.edge.internal;

import java.util.List;
import java.util.UUID;

/** Answers for steering while it is failing, slow or behind an open circuit: "unknown", never an error. */
public final class SteeringApiFallback implements SteeringApi {

    /** The marker answer; compared by identity, it is never a real answer. */
    static final SteeringResponse UNAVAILABLE = new SteeringResponse(null, null, List.of());

    @Override
    public SteeringResponse steering(UUID title, String client) {
        return UNAVAILABLE;
    }
}
