package dev.reel.gateway.shedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.gateway.GatewayProperties;
import dev.reel.resilience.Criticality;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpMethod;

/** The criticality and shedding policy of the repository's config/gateway.yml, as the gateway binds it. */
class RequestClassifierTest {

    private static final GatewayProperties PROPERTIES = load();
    private static final RequestClassifier CLASSIFIER = new RequestClassifier(
            PROPERTIES.criticality(), PROPERTIES.shedding().limitedPaths());

    @Test
    void watchingAndLoggingInAndStoppingChaosAreCritical() {
        assertClass(Criticality.CRITICAL, HttpMethod.POST, "/api/v1/auth/login");
        assertClass(Criticality.CRITICAL, HttpMethod.POST, "/api/v1/auth/refresh");
        assertClass(Criticality.CRITICAL, HttpMethod.POST, "/api/v1/playback/sessions");
        assertClass(Criticality.CRITICAL, HttpMethod.POST, "/api/v1/playback/sessions/abc/heartbeat");
        assertClass(Criticality.CRITICAL, HttpMethod.DELETE, "/api/v1/playback/sessions/abc");
        assertClass(Criticality.CRITICAL, HttpMethod.POST, "/api/v1/playback/licence");
        assertClass(Criticality.CRITICAL, HttpMethod.GET, "/api/v1/chaos");
        assertClass(Criticality.CRITICAL, HttpMethod.DELETE, "/api/v1/chaos/experiments/x");
    }

    @Test
    void browsingIsDegraded() {
        for (String path : List.of(
                "/api/v1/home",
                "/api/v1/titles/abc",
                "/api/v1/genres",
                "/api/v1/search",
                "/api/v1/profiles",
                "/api/v1/accounts/me",
                "/api/v1/viewing/continue-watching",
                "/api/v1/cdn/steering",
                "/api/v1/recs/train",
                "/api/v1/ops/overview")) {
            assertClass(Criticality.DEGRADED, HttpMethod.GET, path);
        }
        assertClass(Criticality.DEGRADED, HttpMethod.POST, "/api/v1/accounts");
    }

    @Test
    void telemetryAndSuggestionsAreBestEffort() {
        assertClass(Criticality.BEST_EFFORT, HttpMethod.POST, "/api/v1/events");
        assertClass(Criticality.DEGRADED, HttpMethod.GET, "/api/v1/search/suggest");
        assertClass(Criticality.DEGRADED, HttpMethod.GET, "/api/v1/events");
    }

    @Test
    void theWebAppHealthChecksUploadsAndStreamsAreNeverLimited() {
        assertThat(CLASSIFIER.limited(HttpMethod.GET, "/")).isFalse();
        assertThat(CLASSIFIER.limited(HttpMethod.GET, "/js/app.js")).isFalse();
        assertThat(CLASSIFIER.limited(HttpMethod.GET, "/actuator/health/readiness"))
                .isFalse();
        assertThat(CLASSIFIER.limited(HttpMethod.PUT, "/api/v1/studio/uploads/u1/chunks/3"))
                .isFalse();
        assertThat(CLASSIFIER.limited(HttpMethod.GET, "/api/v1/studio/jobs/j1/events"))
                .isFalse();
        assertThat(CLASSIFIER.limited(HttpMethod.GET, "/api/v1/home")).isTrue();
        assertThat(CLASSIFIER.limited(HttpMethod.GET, "/actuator/prometheus")).isTrue();
    }

    @Test
    void theLimiterStartsAt100Between50And2000() {
        assertThat(PROPERTIES.shedding().initialLimit()).isEqualTo(100);
        assertThat(PROPERTIES.shedding().minLimit()).isEqualTo(50);
        assertThat(PROPERTIES.shedding().maxLimit()).isEqualTo(2000);
        assertThat(PROPERTIES.cors().exposedHeaders()).contains("Reel-Shed", "Retry-After");
        assertThat(PROPERTIES.chaos().keyFile().toString()).endsWith("secrets/chaos.key");
    }

    private static void assertClass(Criticality expected, HttpMethod method, String path) {
        assertThat(CLASSIFIER.classify(method, path)).as("%s %s", method, path).isEqualTo(expected);
    }

    private static GatewayProperties load() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                    .load("gateway.yml", new FileSystemResource("../../config/gateway.yml"));
            MutablePropertySources sources = new MutablePropertySources();
            yaml.forEach(sources::addLast);
            Binder binder = new Binder(
                    ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
            return binder.bind("reel.gateway", GatewayProperties.class).get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
