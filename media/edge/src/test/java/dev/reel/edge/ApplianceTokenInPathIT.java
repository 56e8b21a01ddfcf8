package dev.reel.edge;

import dev.reel.origin.OriginStore;

/** The token-in-path form on an appliance whose cache is filled from origin. */
class ApplianceTokenInPathIT extends TokenInPathContract {

    @Override
    EdgeServer start(EdgeSettings settings, OriginStore origin) {
        return EdgeServer.start(settings.withOrigin(origin));
    }
}
