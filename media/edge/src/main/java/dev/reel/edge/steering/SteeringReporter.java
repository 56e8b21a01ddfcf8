package dev.reel.edge.steering;

import dev.reel.edge.EdgeLog;
import dev.reel.edge.EdgeServer;
import dev.reel.edge.EdgeStats;
import dev.reel.edge.OriginFill;
import dev.reel.edge.cache.CacheEntry;
import dev.reel.edge.cache.DiskCache;
import dev.reel.origin.OriginObjectInfo;
import dev.reel.origin.OriginStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports an appliance to steering every {@link ReporterSettings#interval()} and applies the fill
 * plan steering answers with.
 *
 * <h2>Reports</h2>
 *
 * Each tick, on one platform thread, {@code POST <steering>/api/v1/cdn/reports} with {@code
 * Authorization: EdgeReport <token>} (an edge token for {@code /cdn/reports/<applianceId>}, valid
 * for a minute) and an {@link ApplianceReport}: the server's counters, the throughput since the
 * last tick (body bytes of hits and misses per second), and the cache's objects grouped by title
 * and version. Timeouts are short (1 s to connect, 2 s for the answer). When steering cannot be
 * reached or answers anything but 200, the reporter logs once for the outage, keeps the edge
 * serving, and tries again at the next tick; it logs again when steering is back.
 *
 * <h2>Plans</h2>
 *
 * An answer's {@code plan} (null when steering has nothing new) is applied once, in this order:
 * pins replace the cache's pinned titles ({@link DiskCache#pin}); dropped titles are deleted
 * from the cache ({@link DiskCache#dropTitle}); every object of every fetched title version
 * ({@link OriginStore#objects}) is prefetched through {@link OriginFill#prefetch}, on its own
 * low-priority thread and through the same single flight as misses. When every prefetch has ended
 * (a failed object is logged and skipped) the plan's id becomes {@code appliedPlanId} in the next
 * report. A plan that is being applied or was applied is not started again.
 */
public final class SteeringReporter implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    private static final String VERSION_PREFIX = "v-";

    private final ReporterSettings settings;
    private final EdgeServer server;
    private final OriginStore origin;
    private final EdgeLog log;
    private final HttpClient http;
    private final JsonMapper json;
    private final ScheduledExecutorService scheduler;
    private volatile @Nullable String appliedPlanId;
    private volatile @Nullable String applyingPlanId;
    private boolean steeringDown;
    private long lastBytes;
    private long lastNanos;

    private SteeringReporter(ReporterSettings settings, EdgeServer server, OriginStore origin, EdgeLog log) {
        this.settings = settings;
        this.server = server;
        this.origin = origin;
        this.log = log;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("edge-reporter").daemon().unstarted(runnable));
        EdgeStats stats = server.stats();
        this.lastBytes = stats.hitBytes() + stats.missBytes();
        this.lastNanos = System.nanoTime();
    }

    /**
     * Starts reporting at once and then every interval.
     *
     * @param server an appliance-mode server with an origin (its cache and fill are used)
     * @param origin the store plans are fetched from; not closed by the reporter
     * @throws IllegalArgumentException if the server has no origin fill
     */
    public static SteeringReporter start(
            ReporterSettings settings, EdgeServer server, OriginStore origin, EdgeLog log) {
        if (server.originFill() == null) {
            throw new IllegalArgumentException("A reporting appliance needs an origin to fill from");
        }
        SteeringReporter reporter = new SteeringReporter(settings, server, origin, log);
        reporter.scheduler.scheduleWithFixedDelay(
                reporter::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        return reporter;
    }

    /** The id of the last plan applied completely, or null. */
    public @Nullable String appliedPlanId() {
        return appliedPlanId;
    }

    /** Stops reporting; a plan being applied stops with the server's fill pool. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    private void tick() {
        try {
            report();
        } catch (RuntimeException e) {
            log.warn("Steering report failed: " + e);
        }
    }

    private void report() {
        ApplianceReport report = snapshot();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(settings.reportsUri())
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", settings.authorization())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(report)))
                    .build();
        } catch (RuntimeException e) {
            log.warn("Steering report could not be built: " + e.getMessage());
            return;
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            outage("cannot be reached (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (response.statusCode() != 200) {
            outage("answered " + response.statusCode());
            return;
        }
        if (steeringDown) {
            steeringDown = false;
            log.info("Steering at " + settings.steeringUrl() + " accepts reports again");
        }
        Answer answer;
        try {
            answer = json.readValue(response.body(), Answer.class);
        } catch (RuntimeException e) {
            log.warn("Steering's answer could not be read: " + e.getMessage());
            return;
        }
        FillPlan plan = answer.plan();
        if (plan != null
                && !plan.planId().equals(appliedPlanId)
                && !plan.planId().equals(applyingPlanId)) {
            apply(plan);
        }
    }

    private void outage(String what) {
        if (!steeringDown) {
            steeringDown = true;
            log.warn("Steering at " + settings.steeringUrl() + " " + what + "; serving on and retrying every "
                    + settings.interval());
        }
    }

    /** The report as of now; also advances the throughput window. */
    ApplianceReport snapshot() {
        EdgeStats stats = server.stats();
        long now = System.nanoTime();
        long bytes = stats.hitBytes() + stats.missBytes();
        long elapsed = Math.max(1, now - lastNanos);
        long throughput = Math.max(0, (bytes - lastBytes) * 1_000_000_000L / elapsed);
        lastBytes = bytes;
        lastNanos = now;
        return new ApplianceReport(
                settings.applianceId(),
                settings.baseUrl(),
                settings.cidrs(),
                settings.region(),
                settings.tier(),
                stats.capacityBytes(),
                stats.usedBytes(),
                stats.openConnections(),
                throughput,
                stats.requests(),
                stats.hits(),
                stats.hitBytes(),
                stats.misses(),
                stats.missBytes(),
                holdings(server.cache().entries()),
                appliedPlanId);
    }

    /** Groups cache entries by title and version (the first path segment when it names one). */
    static List<ApplianceReport.TitleHolding> holdings(List<CacheEntry> entries) {
        record Key(String titleId, String version) {}
        Map<Key, long[]> totals =
                new TreeMap<>(Comparator.comparing(Key::titleId).thenComparing(Key::version));
        for (CacheEntry entry : entries) {
            int slash = entry.path().indexOf('/');
            String version = entry.path().startsWith(VERSION_PREFIX) && slash > 0
                    ? entry.path().substring(0, slash)
                    : "";
            long[] sum = totals.computeIfAbsent(new Key(entry.titleId(), version), k -> new long[2]);
            sum[0] += entry.size();
            sum[1]++;
        }
        List<ApplianceReport.TitleHolding> holdings = new ArrayList<>(totals.size());
        totals.forEach((key, sum) -> holdings.add(new ApplianceReport.TitleHolding(
                key.titleId(), key.version().isEmpty() ? null : key.version(), sum[0], sum[1])));
        return holdings;
    }

    private void apply(FillPlan plan) {
        applyingPlanId = plan.planId();
        DiskCache cache = server.cache();
        OriginFill fill = Objects.requireNonNull(server.originFill());
        cache.pin(plan.pinned());
        for (String titleId : plan.drop()) {
            try {
                long freed = cache.dropTitle(titleId);
                log.info("Plan " + plan.planId() + ": dropped title " + titleId + " (" + freed + " bytes)");
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Plan " + plan.planId() + ": title " + titleId + " could not be dropped: " + e.getMessage());
            }
        }
        List<CompletableFuture<Boolean>> prefetches = new ArrayList<>();
        long objects = 0;
        for (FillPlan.TitleVersion tv : plan.fetch()) {
            List<OriginObjectInfo> listed;
            try {
                listed = origin.objects(tv.titleId(), tv.version());
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Plan " + plan.planId() + ": " + tv.titleId() + "/" + tv.version()
                        + " could not be listed in origin: " + e.getMessage());
                continue;
            }
            for (OriginObjectInfo object : listed) {
                String path = tv.version() + "/" + object.path();
                prefetches.add(fill.prefetch(tv.titleId(), path).exceptionally(failure -> {
                    log.warn("Plan " + plan.planId() + ": " + tv.titleId() + "/" + path + " was not filled: "
                            + failure.getMessage());
                    return false;
                }));
                objects++;
            }
        }
        log.info("Plan " + plan.planId() + ": fetching " + objects + " objects of "
                + plan.fetch().size() + " title versions, dropped "
                + plan.drop().size() + ", pinned " + plan.pinned().size());
        CompletableFuture.allOf(prefetches.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
            if (plan.planId().equals(applyingPlanId)) {
                appliedPlanId = plan.planId();
                applyingPlanId = null;
                log.info("Plan " + plan.planId() + " applied");
            }
        });
    }

    /** Steering's answer to a report; unknown members are ignored. */
    record Answer(@Nullable String reportInterval, @Nullable FillPlan plan) {}
}
