package dev.reel.playback.edge.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.playback.PlaybackProperties;
import dev.reel.playback.edge.EdgeKind;
import dev.reel.playback.edge.EdgeSteering;
import dev.reel.playback.edge.EdgeTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * {@link EdgeSteering} backed by steering, asked on every play. The last usable answer per (client network, title) is
 * kept for {@code reel.playback.caches.steering}; while steering is unavailable (or refuses the request) that answer
 * is used, else the origin alone ({@code reel.playback.origin-url}).
 */
@Service
class CachedEdgeSteering implements EdgeSteering {

    private static final Logger log = LoggerFactory.getLogger(CachedEdgeSteering.class);

    /** The id steering and playback give the origin. */
    static final String ORIGIN_ID = "origin";

    private final SteeringApi steering;
    private final EdgeTarget origin;
    private final Cache<Key, List<EdgeTarget>> lastKnown;

    CachedEdgeSteering(SteeringApi steering, PlaybackProperties properties) {
        this.steering = steering;
        this.origin = new EdgeTarget(
                ORIGIN_ID, EdgeKind.ORIGIN, properties.originUrl().toString());
        this.lastKnown = Caffeine.newBuilder()
                .expireAfterWrite(properties.caches().steering())
                .maximumSize(properties.caches().maxEntries())
                .build();
    }

    private record Key(String network, UUID titleId) {}

    @Override
    public List<EdgeTarget> targets(UUID titleId, String clientAddress) {
        var key = new Key(ClientNetworks.of(clientAddress), titleId);
        SteeringResponse response;
        try {
            response = steering.steering(titleId, clientAddress);
        } catch (HttpClientErrorException e) {
            log.warn(
                    "steering refused title {} for client {} ({}); using the fallback",
                    titleId,
                    clientAddress,
                    e.getStatusCode());
            response = SteeringApiFallback.UNAVAILABLE;
        }
        if (response != SteeringApiFallback.UNAVAILABLE) {
            List<EdgeTarget> targets = targetsOf(response);
            if (!targets.isEmpty()) {
                List<EdgeTarget> withOrigin = withOriginLast(targets);
                lastKnown.put(key, withOrigin);
                return withOrigin;
            }
        }
        List<EdgeTarget> cached = lastKnown.getIfPresent(key);
        if (cached != null) {
            log.warn("steering unavailable; using its last answer for {} and title {}", key.network(), titleId);
            return cached;
        }
        log.warn("steering unavailable and no answer cached for {} and title {}; origin only", key.network(), titleId);
        return List.of(origin);
    }

    /** The usable targets of an answer: each with an id and an http(s) base URL; unknown kinds count as appliances. */
    static List<EdgeTarget> targetsOf(SteeringResponse response) {
        List<EdgeTarget> targets = new ArrayList<>();
        if (response.targets() == null) {
            return targets;
        }
        for (SteeringResponse.Target target : response.targets()) {
            if (target == null || target.id() == null || target.id().isBlank() || !isHttpUrl(target.baseUrl())) {
                continue;
            }
            EdgeKind kind = "ORIGIN".equalsIgnoreCase(target.kind()) ? EdgeKind.ORIGIN : EdgeKind.APPLIANCE;
            targets.add(new EdgeTarget(target.id(), kind, target.baseUrl()));
        }
        return targets;
    }

    /** Keeps steering's order, moving origin entries last and adding the configured origin when there is none. */
    private List<EdgeTarget> withOriginLast(List<EdgeTarget> targets) {
        List<EdgeTarget> ordered = new ArrayList<>();
        List<EdgeTarget> origins = new ArrayList<>();
        for (EdgeTarget target : targets) {
            (target.kind() == EdgeKind.ORIGIN ? origins : ordered).add(target);
        }
        ordered.addAll(origins.isEmpty() ? List.of(origin) : origins);
        return List.copyOf(ordered);
    }

    private static boolean isHttpUrl(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
