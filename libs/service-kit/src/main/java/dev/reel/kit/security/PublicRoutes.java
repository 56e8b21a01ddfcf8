package dev.reel.kit.security;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * The routes of a service that need no token. Everything else requires a valid access token, so a
 * route is public only when a service says so here:
 *
 * <pre>{@code
 * @Bean
 * PublicRoutes publicRoutes() {
 *     return PublicRoutes.builder().add(HttpMethod.GET, "/api/v1/titles/**").build();
 * }
 * }</pre>
 *
 * Actuator health, info and prometheus are always public.
 */
public final class PublicRoutes {

    /**
     * @param method the method, or null for every method
     * @param pattern a Spring path pattern such as {@code /api/v1/titles/**}
     */
    public record Route(@Nullable HttpMethod method, String pattern) {}

    private final List<Route> routes;

    private PublicRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static PublicRoutes none() {
        return new PublicRoutes(List.of());
    }

    /** Public routes for one method. */
    public static PublicRoutes of(HttpMethod method, String... patterns) {
        Builder builder = builder();
        for (String pattern : patterns) {
            builder.add(method, pattern);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Route> routes() {
        return routes;
    }

    /** Collects routes; not thread-safe, meant for a bean method. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        public Builder add(HttpMethod method, String pattern) {
            routes.add(new Route(method, pattern));
            return this;
        }

        public PublicRoutes build() {
            return new PublicRoutes(routes);
        }
    }
}
