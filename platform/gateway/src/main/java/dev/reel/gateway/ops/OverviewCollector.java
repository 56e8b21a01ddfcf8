package dev.reel.gateway.ops;

import dev.reel.gateway.ops.LauncherView.Launched;
import dev.reel.gateway.ops.OpsOverview.BreakerView;
import dev.reel.gateway.ops.OpsOverview.InstanceView;
import dev.reel.gateway.ops.OpsOverview.ServiceView;
import dev.reel.gateway.ops.OpsOverview.Traffic;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Gathers the {@link OpsOverview}: the instances from discovery and, when configured, from the local launcher's state
 * file; each one probed directly and concurrently; steering's appliances; and the verdict. One overview is shared by
 * every caller for {@code cacheTtl}, so any number of open ops pages cost the instances one round of requests per
 * period.
 *
 * <p>An instance is up when its health says {@code UP} and, for a service discovery has listed, discovery lists that
 * instance too: one the launcher runs but discovery lost gets no traffic, so it counts as down. Services that never
 * register (the registry itself, the edge appliances) are judged by their health alone.
 */
final class OverviewCollector {

    /** The service whose {@code POST /api/v1/playback/sessions} counts as a stream start. */
    private static final String PLAYBACK = "playback";

    /** Fewer requests than this in the error window give no error rate. */
    private static final long ERROR_RATE_MINIMUM_REQUESTS = 20;

    private final ReactiveDiscoveryClient discovery;
    private final InstanceProbe probe;
    private final EdgeFleet fleet;
    private final @Nullable Path launcherState;
    private final String self;
    private final Set<String> trafficExcludes;
    private final Duration cacheTtl;
    private final Duration errorWindow;
    private final double errorRateThreshold;
    private final ErrorRate errorRate;
    private final Clock clock;
    private final Set<String> registeringServices = ConcurrentHashMap.newKeySet();
    private final AtomicReference<@Nullable Cached> cache = new AtomicReference<>();

    private record Cached(Instant at, Mono<OpsOverview> overview) {}

    /** An instance to probe, as discovery and the launcher know it. */
    private record Target(
            String service,
            String id,
            String zone,
            String host,
            int port,
            boolean discovered,
            @Nullable Launched launched) {}

    private record Probed(Target target, String health, InstanceMetrics metrics) {}

    /**
     * @param launcherState the launcher's state file, or {@code null} for discovery alone
     * @param self this gateway's service id: its actuator is behind edge security, so it is asked with the caller's
     *     token, and its traffic is left out of the platform's (each proxied request would count twice)
     * @param trafficExcludes further services whose requests are not the platform's traffic (the registry's
     *     heartbeats would otherwise dominate it)
     */
    OverviewCollector(
            ReactiveDiscoveryClient discovery,
            InstanceProbe probe,
            EdgeFleet fleet,
            @Nullable Path launcherState,
            String self,
            Set<String> trafficExcludes,
            Duration cacheTtl,
            Duration errorWindow,
            double errorRateThreshold,
            Clock clock) {
        this.discovery = discovery;
        this.probe = probe;
        this.fleet = fleet;
        this.launcherState = launcherState;
        this.self = self;
        this.trafficExcludes = Set.copyOf(trafficExcludes);
        this.cacheTtl = cacheTtl;
        this.errorWindow = errorWindow;
        this.errorRateThreshold = errorRateThreshold;
        this.errorRate = new ErrorRate(errorWindow, ERROR_RATE_MINIMUM_REQUESTS);
        this.clock = clock;
    }

    /**
     * The current overview: the cached one if younger than {@code cacheTtl}, else a new one.
     *
     * @param authorization the admin caller's {@code Authorization} header, forwarded to steering and to this gateway's
     *     own actuator
     */
    Mono<OpsOverview> overview(@Nullable String authorization) {
        Instant now = clock.instant();
        Cached current = cache.get();
        if (current != null && now.isBefore(current.at().plus(cacheTtl))) {
            return current.overview();
        }
        Cached next = new Cached(now, collect(authorization).cache());
        if (cache.compareAndSet(current, next)) {
            return next.overview();
        }
        Cached winner = cache.get();
        return winner != null ? winner.overview() : next.overview();
    }

    private Mono<OpsOverview> collect(@Nullable String authorization) {
        Instant at = clock.instant();
        Mono<Map<String, List<ServiceInstance>>> discovered = discovery
                .getServices()
                .distinct()
                .flatMap(
                        service -> discovery.getInstances(service).collectList().map(list -> Map.entry(service, list)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
        Mono<Optional<List<Launched>>> launched = launcherState == null
                ? Mono.just(Optional.empty())
                : Mono.fromCallable(() -> LauncherView.read(launcherState)).subscribeOn(Schedulers.boundedElastic());
        return Mono.zip(discovered, launched).flatMap(known -> {
            List<Target> targets = targets(known.getT1(), known.getT2().orElse(List.of()));
            Mono<List<Probed>> probed = Flux.fromIterable(targets)
                    .flatMap(target -> probe(target, authorization))
                    .collectList();
            return Mono.zip(probed, fleet.list(authorization))
                    .map(results -> assemble(
                            at, results.getT1(), results.getT2(), known.getT2().isPresent()));
        });
    }

    private List<Target> targets(Map<String, List<ServiceInstance>> discovered, List<Launched> launched) {
        List<Target> targets = new ArrayList<>();
        List<Launched> unmatched = new ArrayList<>(launched);
        discovered.forEach((service, instances) -> {
            if (!instances.isEmpty()) {
                registeringServices.add(service);
            }
            for (ServiceInstance instance : instances) {
                Launched match = unmatched.stream()
                        .filter(l -> l.service().equalsIgnoreCase(service) && l.port() == instance.getPort())
                        .findFirst()
                        .orElse(null);
                if (match != null) {
                    unmatched.remove(match);
                }
                String zone = instance.getMetadata().get("zone");
                targets.add(new Target(
                        service,
                        instanceId(service, instance),
                        zone != null ? zone : match != null ? match.zone() : "",
                        instance.getHost(),
                        instance.getPort(),
                        true,
                        match));
            }
        });
        for (Launched only : unmatched) {
            targets.add(new Target(
                    only.service(),
                    only.service() + "-" + only.index(),
                    only.zone(),
                    "127.0.0.1",
                    only.port(),
                    false,
                    only));
        }
        return targets;
    }

    private static String instanceId(String service, ServiceInstance instance) {
        String id = instance.getInstanceId();
        return id != null ? id : service + ":" + instance.getHost() + ":" + instance.getPort();
    }

    private Mono<Probed> probe(Target target, @Nullable String authorization) {
        if (target.launched() != null && !target.launched().running()) {
            return Mono.just(new Probed(target, "EXITED", InstanceMetrics.NONE));
        }
        URI base = URI.create("http://" + target.host() + ":" + target.port());
        return probe.probe(base, target.service().equals(self) ? authorization : null)
                .map(result -> new Probed(target, result.health(), result.metrics()));
    }

    private OpsOverview assemble(Instant at, List<Probed> probed, EdgeFleet.Listing edges, boolean launcher) {
        Map<String, List<Probed>> byService = new TreeMap<>();
        probed.forEach(p -> byService
                .computeIfAbsent(p.target().service(), s -> new ArrayList<>())
                .add(p));
        List<ServiceView> services = new ArrayList<>();
        List<BreakerView> breakers = new ArrayList<>();
        RequestCounters platform = RequestCounters.NONE;
        long streamStarts = 0;
        for (Map.Entry<String, List<Probed>> entry : byService.entrySet()) {
            String service = entry.getKey();
            List<Probed> instances = new ArrayList<>(entry.getValue());
            instances.sort(Comparator.comparing((Probed p) -> p.target().zone())
                    .thenComparing(p -> p.target().port()));
            RequestCounters requests = RequestCounters.NONE;
            List<InstanceView> views = new ArrayList<>();
            for (Probed p : instances) {
                views.add(view(p));
                requests = requests.plus(p.metrics().requests());
                p.metrics()
                        .breakers()
                        .forEach((name, state) ->
                                breakers.add(new BreakerView(service, p.target().id(), name, state)));
                if (service.equals(PLAYBACK)) {
                    streamStarts += p.metrics().streamStarts();
                }
            }
            services.add(new ServiceView(service, Verdict.ofService(views), views, requests));
            if (!service.equals(self) && !trafficExcludes.contains(service)) {
                platform = platform.plus(requests);
            }
        }
        Double rate = errorRate.record(at, platform);
        Verdict verdict = Verdict.of(services, breakers, rate, errorRateThreshold);
        return new OpsOverview(
                at,
                verdict.status(),
                verdict.reasons(),
                services,
                new Traffic(platform, streamStarts, rate, errorWindow.toSeconds()),
                breakers,
                edges.edges(),
                edges.problem(),
                launcher);
    }

    private InstanceView view(Probed probed) {
        Target target = probed.target();
        Launched launched = target.launched();
        String problem = problem(target, probed.health());
        return new InstanceView(
                target.id(),
                target.zone(),
                target.host(),
                target.port(),
                problem == null ? InstanceView.UP : InstanceView.DOWN,
                probed.health(),
                target.discovered(),
                launched != null ? launched.pid() : null,
                launched != null ? launched.restarts() : null,
                problem);
    }

    private @Nullable String problem(Target target, String health) {
        return switch (health) {
            case "UP" ->
                target.discovered() || !registeringServices.contains(target.service())
                        ? null
                        : "running but not registered in discovery";
            case "EXITED" -> "its process has exited";
            case InstanceProbe.UNREACHABLE -> "no answer to its health check";
            default -> "health is " + health;
        };
    }
}
