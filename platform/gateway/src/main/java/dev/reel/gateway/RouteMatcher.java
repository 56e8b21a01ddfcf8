package dev.reel.gateway;

import dev.reel.gateway.GatewayProperties.Route;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Matches requests against a list of {@link Route}s (method and {@code PathPattern}), e.g. the
 * public routes or the login routes. Immutable and thread-safe.
 */
public final class RouteMatcher {

    private final List<CompiledRoute> routes;

    /** @throws org.springframework.web.util.pattern.PatternParseException for a malformed pattern */
    public RouteMatcher(List<Route> routes) {
        PathPatternParser parser = new PathPatternParser();
        this.routes = routes.stream()
                .map(route -> new CompiledRoute(route.method(), parser.parse(route.path())))
                .toList();
    }

    /**
     * Whether a request matches one of the routes.
     *
     * @param method the request method
     * @param path the raw request path within the application (percent-encoded, as received)
     */
    public boolean matches(HttpMethod method, String path) {
        return matches(method, PathContainer.parsePath(path));
    }

    /** As {@link #matches(HttpMethod, String)}, for an already parsed path. */
    public boolean matches(HttpMethod method, PathContainer path) {
        for (CompiledRoute route : routes) {
            if ((route.method() == null || route.method().equals(method))
                    && route.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    private record CompiledRoute(@Nullable HttpMethod method, PathPattern pattern) {}
}
