package dev.reel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.gateway.GatewayProperties.Route;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Public-route matching with the list config/gateway.yml ships. */
class RouteMatcherTest {

    private final RouteMatcher publicRoutes = new RouteMatcher(List.of(
            new Route(HttpMethod.POST, "/api/v1/accounts"),
            new Route(HttpMethod.POST, "/api/v1/auth/login"),
            new Route(HttpMethod.POST, "/api/v1/auth/refresh"),
            new Route(HttpMethod.GET, "/api/v1/genres/**"),
            new Route(HttpMethod.GET, "/api/v1/titles/**"),
            new Route(HttpMethod.GET, "/actuator/health/**")));

    @Test
    void signUpLoginAndRefreshArePublic() {
        assertThat(publicRoutes.matches(HttpMethod.POST, "/api/v1/accounts")).isTrue();
        assertThat(publicRoutes.matches(HttpMethod.POST, "/api/v1/auth/login")).isTrue();
        assertThat(publicRoutes.matches(HttpMethod.POST, "/api/v1/auth/refresh"))
                .isTrue();
    }

    @Test
    void logoutAndAccountSubPathsAreNot() {
        assertThat(publicRoutes.matches(HttpMethod.POST, "/api/v1/auth/logout")).isFalse();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v1/accounts")).isFalse();
        assertThat(publicRoutes.matches(HttpMethod.POST, "/api/v1/accounts/123/roles"))
                .isFalse();
        assertThat(publicRoutes.matches(HttpMethod.POST, "/api/v1/auth/login/extra"))
                .isFalse();
    }

    @Test
    void catalogReadsArePublicIncludingTheCollectionItself() {
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v1/genres")).isTrue();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v1/titles")).isTrue();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v1/titles/42")).isTrue();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v1/titles/42/seasons/1"))
                .isTrue();
    }

    @Test
    void catalogWritesAreNot() {
        assertThat(publicRoutes.matches(HttpMethod.POST, "/api/v1/titles")).isFalse();
        assertThat(publicRoutes.matches(HttpMethod.PUT, "/api/v1/genres/7")).isFalse();
        assertThat(publicRoutes.matches(HttpMethod.DELETE, "/api/v1/titles/42")).isFalse();
    }

    @Test
    void lookalikePathsAreNot() {
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v1/titlesx")).isFalse();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v1/profiles")).isFalse();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/api/v2/titles")).isFalse();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/actuator/prometheus")).isFalse();
    }

    @Test
    void healthAndItsGroupsArePublic() {
        assertThat(publicRoutes.matches(HttpMethod.GET, "/actuator/health")).isTrue();
        assertThat(publicRoutes.matches(HttpMethod.GET, "/actuator/health/readiness"))
                .isTrue();
    }

    @Test
    void aRouteWithoutMethodMatchesAnyMethod() {
        RouteMatcher anyMethod = new RouteMatcher(List.of(new Route(null, "/open/**")));
        assertThat(anyMethod.matches(HttpMethod.DELETE, "/open/x")).isTrue();
        assertThat(anyMethod.matches(HttpMethod.GET, "/closed")).isFalse();
    }
}
