package dev.reel.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for identity, answering {@code GET /api/v1/profiles/{id}} like identity does: the profile when it belongs
 * to the token's account, 404 otherwise (also for someone else's profile), 401 without a token.
 */
public final class IdentityStandIn extends StandIn {

    private record Profile(UUID account, String maturityCeiling, boolean kids) {}

    private final Map<UUID, Profile> profiles = new ConcurrentHashMap<>();

    public IdentityStandIn() {
        super("/api/v1/profiles/");
    }

    /** Adds a profile of {@code account} and returns its id. */
    public UUID addProfile(UUID account, String maturityCeiling, boolean kids) {
        UUID id = UUID.randomUUID();
        profiles.put(id, new Profile(account, maturityCeiling, kids));
        return id;
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        UUID account = subject(exchange.getRequestHeaders().getFirst("Authorization"));
        if (account == null) {
            respond(exchange, 401, Map.of("status", 401, "title", "Unauthorized"));
            return;
        }
        UUID id = lastSegmentId(exchange);
        Profile profile = id == null ? null : profiles.get(id);
        if (profile == null || !profile.account().equals(account)) {
            respond(exchange, 404, Map.of("status", 404, "title", "Not found"));
            return;
        }
        respond(
                exchange,
                200,
                Map.of(
                        "id",
                        id.toString(),
                        "name",
                        "Someone",
                        "avatar",
                        "fox",
                        "language",
                        "en",
                        "kids",
                        profile.kids(),
                        "maturityCeiling",
                        profile.maturityCeiling()));
    }
}
