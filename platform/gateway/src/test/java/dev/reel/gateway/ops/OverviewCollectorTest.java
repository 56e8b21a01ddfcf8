package dev.reel.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.reel.gateway.ops.OpsOverview.InstanceView;
import dev.reel.gateway.ops.OpsOverview.ServiceView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The overview against real HTTP stand-ins of every kind of instance: healthy with metrics, DOWN, unreachable, exited,
 * running but lost by discovery, never registered (an edge appliance), and the gateway itself.
 */
class OverviewCollectorTest {

    private static final String TOKEN = "Bearer admin-token";
    private static final Duration TTL = Duration.ofMillis(1500);
    /** Longer than production's 800 ms: a JVM's first requests through Reactor Netty are slow on a busy machine. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final InstanceStandIn playback0 = new InstanceStandIn()
            .prometheus(new MicrometerPage(true)
                    .requests("POST", "/api/v1/playback/sessions", 201, 30, Duration.ofMillis(20))
                    .requests("POST", "/api/v1/playback/sessions/{id}/heartbeat", 204, 70, Duration.ofMillis(5))
                    .breaker("catalog", false)
                    .scrape());
    private final InstanceStandIn playback1 = new InstanceStandIn().health("DOWN");
    private final InstanceStandIn catalog0 = new InstanceStandIn()
            .prometheus(new MicrometerPage(true)
                    .requests("GET", "/api/v1/titles/{id}", 200, 95, Duration.ofMillis(8))
                    .requests("GET", "/api/v1/titles/{id}", 500, 5, Duration.ofMillis(300))
                    .breaker("viewing", true)
                    .scrape());
    private final InstanceStandIn catalogLost = new InstanceStandIn();
    private final InstanceStandIn gateway = new InstanceStandIn()
            .prometheus(new MicrometerPage(true)
                    .requests("GET", "/api/v1/titles/{id}", 200, 1000, Duration.ofMillis(9))
                    .scrape());
    private final InstanceStandIn edge = new InstanceStandIn();
    private final InstanceStandIn registry = new InstanceStandIn()
            .prometheus(new MicrometerPage(false)
                    .requests("PUT", "/eureka/apps/{appName}/{id}", 200, 5000, Duration.ofMillis(1))
                    .scrape());
    private final InstanceStandIn steering = new InstanceStandIn().json("/api/v1/cdn/appliances", """
                    {"items":[{"id":"isp-a","baseUrl":"http://localhost:9100","cidrs":["127.0.0.0/24"],"region":null,
                      "tier":"FLASH","capacityBytes":1000,"usedBytes":250,"openConnections":3,"throughputBps":125000,
                      "hitRatioBytes":0.93,"titles":[],"inRotation":true,"lastReportAt":"2026-01-01T00:00:00Z",
                      "appliedPlanId":null}],"page":0,"size":100,"totalItems":1,"totalPages":1}
                    """);
    private final List<InstanceStandIn> standIns =
            List.of(playback0, playback1, catalog0, catalogLost, gateway, edge, registry, steering);
    private final int deadPort = InstanceStandIn.deadPort();
    private final MutableClock clock = new MutableClock();

    @TempDir
    Path directory;

    @AfterEach
    void close() {
        standIns.forEach(InstanceStandIn::close);
    }

    @Test
    void judgesEveryInstanceFromDiscoveryTheLauncherAndItsOwnAnswers() throws IOException {
        OverviewCollector collector = collector(launcherState());

        OpsOverview overview = collector.overview(TOKEN).block();

        assertThat(overview.launcher()).isTrue();
        assertThat(overview.services())
                .extracting(ServiceView::name, ServiceView::status)
                .containsExactly(
                        tuple("catalog", "degraded"),
                        tuple("gateway", "healthy"),
                        tuple("isp-a", "healthy"),
                        tuple("playback", "degraded"),
                        tuple("registry", "healthy"),
                        tuple("search", "down"),
                        tuple("steering", "healthy"),
                        tuple("viewing", "down"));
        assertThat(overview.status()).isEqualTo("down");
        assertThat(overview.reasons())
                .containsExactly(
                        "search has no healthy instance",
                        "viewing has no healthy instance",
                        "catalog-1 is down: running but not registered in discovery",
                        "playback:zone-b:" + playback1.port() + " is down: health is DOWN",
                        "circuit breaker viewing is open on catalog:zone-a:" + catalog0.port());

        InstanceView launchedPlayback =
                service(overview, "playback").instances().getFirst();
        assertThat(launchedPlayback.zone()).isEqualTo("zone-a");
        assertThat(launchedPlayback.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(launchedPlayback.restarts()).isEqualTo(1);
        InstanceView exited = service(overview, "viewing").instances().getFirst();
        assertThat(exited.health()).isEqualTo("EXITED");
        assertThat(exited.discovered()).isFalse();
        assertThat(service(overview, "search").instances().getFirst().health()).isEqualTo("UNREACHABLE");

        // The platform's traffic leaves the gateway's and the registry's out; stream starts are playback's 201s.
        assertThat(overview.traffic().requests().count()).isEqualTo(200);
        assertThat(overview.traffic().requests().serverErrors()).isEqualTo(5);
        assertThat(overview.traffic().streamStarts()).isEqualTo(30);
        assertThat(service(overview, "gateway").requests().count()).isEqualTo(1000);
        assertThat(service(overview, "registry").requests().count()).isEqualTo(5000);
        assertThat(overview.traffic().requests().buckets()).isNotEmpty();
        assertThat(overview.breakers())
                .extracting(b -> b.service() + "/" + b.name() + "=" + b.state())
                .containsExactly("catalog/viewing=open", "playback/catalog=closed");
        assertThat(overview.edges()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("isp-a");
            assertThat(e.hitRatioBytes()).isEqualTo(0.93);
            assertThat(e.openConnections()).isEqualTo(3);
            assertThat(e.region()).isNull();
        });
        assertThat(overview.edgesProblem()).isNull();

        // Only steering and the gateway's own actuator get the caller's token.
        assertThat(steering.authorizations("/api/v1/cdn/appliances")).containsExactly(TOKEN);
        assertThat(steering.authorizations("/actuator/prometheus")).containsExactly("");
        assertThat(gateway.authorizations("/actuator/prometheus")).containsExactly(TOKEN);
        assertThat(playback0.authorizations("/actuator/health")).containsExactly("");
    }

    @Test
    void sharesOneOverviewForTheCacheTimeThenAsksAgain() throws IOException {
        OverviewCollector collector = collector(launcherState());

        OpsOverview first = collector.overview(TOKEN).block();
        clock.advance(TTL.minusMillis(100));
        OpsOverview second = collector.overview(TOKEN).block();
        assertThat(second).isSameAs(first);
        assertThat(playback0.hits("/actuator/health")).isEqualTo(1);

        clock.advance(Duration.ofMillis(200));
        OpsOverview third = collector.overview(TOKEN).block();
        assertThat(third).isNotSameAs(first);
        assertThat(playback0.hits("/actuator/health")).isEqualTo(2);
        assertThat(playback0.hits("/actuator/prometheus")).isEqualTo(2);
    }

    @Test
    void withDiscoveryAloneAndSteeringDownEverythingStillAnswers() {
        steering.close();
        OverviewCollector collector = collector(null);

        OpsOverview overview = collector.overview(TOKEN).block();

        assertThat(overview.launcher()).isFalse();
        assertThat(overview.services()).extracting(ServiceView::name).doesNotContain("isp-a", "viewing", "registry");
        assertThat(service(overview, "catalog").instances()).hasSize(1);
        assertThat(overview.edges()).isEmpty();
        assertThat(overview.edgesProblem()).isEqualTo("steering did not answer");
    }

    @Test
    void aHealthyPlatformSaysSo() {
        OverviewCollector collector = new OverviewCollector(
                discovery(Map.of("catalog", List.of(instance("catalog", "zone-a", catalogLost.port())))),
                new InstanceProbe(WebClient.create(), PROBE_TIMEOUT),
                fleet(),
                null,
                "gateway",
                Set.of("registry"),
                TTL,
                Duration.ofSeconds(30),
                0.01,
                clock);

        OpsOverview overview = collector.overview(TOKEN).block();

        assertThat(overview.status()).isEqualTo("healthy");
        assertThat(overview.reasons()).isEmpty();
    }

    private OverviewCollector collector(Path launcherState) {
        Map<String, List<ServiceInstance>> services = Map.of(
                "playback",
                List.of(
                        instance("playback", "zone-a", playback0.port()),
                        instance("playback", "zone-b", playback1.port())),
                "catalog",
                List.of(instance("catalog", "zone-a", catalog0.port())),
                "gateway",
                List.of(instance("gateway", "zone-a", gateway.port())),
                "steering",
                List.of(instance("steering", "zone-a", steering.port())),
                "search",
                List.of(instance("search", "zone-b", deadPort)));
        return new OverviewCollector(
                discovery(services),
                new InstanceProbe(WebClient.create(), PROBE_TIMEOUT),
                fleet(),
                launcherState,
                "gateway",
                Set.of("registry"),
                TTL,
                Duration.ofSeconds(30),
                0.01,
                clock);
    }

    private EdgeFleet fleet() {
        return new EdgeFleet(
                WebClient.create(),
                "http://127.0.0.1:" + steering.port() + "/api/v1/cdn/appliances?size=100",
                Duration.ofMillis(800));
    }

    /**
     * The launcher runs the registry, playback-0 (restarted once), catalog-1 (lost by discovery), isp-a, and viewing-0
     * (exited).
     */
    private Path launcherState() throws IOException {
        long alive = ProcessHandle.current().pid();
        String instances = String.join(
                ",",
                launched("registry", 0, "zone-a", registry.port(), alive, 0),
                launched("playback", 0, "zone-a", playback0.port(), alive, 1),
                launched("catalog", 1, "zone-b", catalogLost.port(), alive, 0),
                launched("isp-a", 0, "zone-a", edge.port(), alive, 0),
                launched("viewing", 0, "zone-a", deadPort, 0, 3));
        String state = "{\"launcherPid\":" + alive + ",\"startedAt\":\"2026-01-01T00:00:00Z\",\"home\":\"/repo\","
                + "\"postgresPort\":15432,\"postgresPid\":0,\"kafkaPort\":19092,\"instances\":[" + instances + "]}";
        return Files.writeString(directory.resolve("state.json"), state);
    }

    private static String launched(String service, int index, String zone, int port, long pid, int restarts) {
        return "{\"service\":\"%s\",\"index\":%d,\"zone\":\"%s\",\"port\":%d,\"pid\":%d,\"log\":\"/x.log\",\"restarts\":%d}"
                .formatted(service, index, zone, port, pid, restarts);
    }

    private static ServiceInstance instance(String service, String zone, int port) {
        return new DefaultServiceInstance(
                service + ":" + zone + ":" + port, service, "127.0.0.1", port, false, Map.of("zone", zone));
    }

    private static ReactiveDiscoveryClient discovery(Map<String, List<ServiceInstance>> services) {
        return new ReactiveDiscoveryClient() {
            @Override
            public String description() {
                return "test";
            }

            @Override
            public Flux<ServiceInstance> getInstances(String serviceId) {
                return Flux.fromIterable(services.getOrDefault(serviceId, List.of()));
            }

            @Override
            public Flux<String> getServices() {
                return Flux.fromIterable(services.keySet());
            }
        };
    }

    private static ServiceView service(OpsOverview overview, String name) {
        return overview.services().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
