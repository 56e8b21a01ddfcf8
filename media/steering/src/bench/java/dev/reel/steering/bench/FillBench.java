package dev.reel.steering.bench;

import dev.reel.edge.cache.CacheEntry;
import dev.reel.edge.cache.DiskCache;
import dev.reel.edge.cache.EvictionPolicy;
import dev.reel.steering.appliance.FetchTitle;
import dev.reel.steering.appliance.Tier;
import dev.reel.steering.fill.ApplianceSlot;
import dev.reel.steering.fill.DensityFillPlanner;
import dev.reel.steering.fill.FillPlanner;
import dev.reel.steering.fill.PlacedTitle;
import dev.reel.steering.fill.Placement;
import dev.reel.steering.fill.TitleDemand;
import dev.reel.steering.popularity.Decay;
import dev.reel.steering.popularity.DecayedScore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code bench/fill}: the nightly fill (steering's real {@link DensityFillPlanner} fed by its real {@link Decay}
 * popularity) against plain LRU, both on the edge's real {@link DiskCache} with {@link EvictionPolicy#lru()}, serving
 * the same synthetic trace.
 *
 * <h2>Model</h2>
 *
 * <ul>
 *   <li><b>Catalog</b>: {@code --titles} (1,000) titles, 70 % movies and 30 % series. A movie is log-normal around
 *       2.2 GB (σ 0.35 in log space, so mostly 1.2–4 GB) in 10 objects (each a run of segments, a tenth of the
 *       film). A series has 6–12 episodes, each log-normal around 0.6 GB (σ 0.2), two objects per episode. Sizes are
 *       scaled down by 1,024 (a GB becomes a MiB) and the objects are sparse files, so the cache works on real files
 *       and real sizes in proportion; byte ratios are unchanged.
 *   <li><b>Demand</b>: each day, views pick titles by Zipf over the day's ranks, with α drawn once in [0.8, 1.0].
 *       Ranks come from a latent score that drifts every night (Gaussian, σ {@code --drift} 0.25 in log-rank), and
 *       {@code --releases} (4) new titles a day are released straight into the top 10 and then cool down (−0.2 a
 *       day for ten days). New titles are not in origin before their release day, so no forecast knows them.
 *   <li><b>Views request part of a title</b>: a movie view requests the first ⌈f·10⌉ objects, with f = U(0.02,
 *       0.15) for 20 % of views (sampling, abandoning), 1 for 45 % (finished), U(0.15, 1) otherwise: 67 % of the
 *       bytes on average. A series view starts at episode 1 (40 %) or at a random episode (continuing, 60 %) and
 *       watches 1 + Geometric(0.45) episodes, the last one only half 30 % of the time: about a quarter of the
 *       series.
 *   <li><b>Serving</b>: every object request is a hit (bytes from the edge, {@link DiskCache#touch}) or a miss
 *       (bytes from origin, then admitted to the cache, evicting by LRU), exactly as the edge fills misses.
 *   <li><b>Nightly fill</b> (fill cache only): before each day, the planner gets every released title with its size
 *       and its predicted bytes, as steering computes them: {@link Decay} with a 24 h half-life over the bytes every
 *       earlier view streamed (what heartbeats report), projected over 24 h; {@code --forecast views} uses
 *       steering's fallback instead, decayed views times a watched fraction of 0.5 times the size. The appliance is
 *       one flash appliance at the cache's capacity holding what it has (in full, or in part from misses). The plan
 *       is applied as the edge applies it: drop ({@link DiskCache#dropTitle}), pin ({@link DiskCache#pin}, the
 *       densest titles up to {@code --pin-share} 0.8 of the capacity, steering's default), refresh the placed titles
 *       it holds, then fetch the missing objects of the fetch list, so admitting them evicts only titles outside the
 *       plan.
 *   <li><b>Baseline</b>: the same cache, same capacity, same trace, no fill.
 * </ul>
 *
 * Day 0 warms both caches and the popularity and is not counted. Alongside, for each day: what whole titles placed
 * from a perfect forecast (the true Zipf weights and view model) serve; the best any static placement could do with
 * perfect knowledge of that day's actual requests, whole titles (what a plan places) and single objects; and the
 * share of the catalog a perfect object-level placement needs for 95 %.
 */
public final class FillBench {

    private static final long SCALE_BYTES_PER_GB = 1L << 20;
    private static final int MOVIE_CHUNKS = 10;
    private static final int CHUNKS_PER_EPISODE = 2;

    private final Options options;
    private final Random random;
    private final List<Title> titles = new ArrayList<>();
    private final double alpha;

    /** One title: objects {@code c/<i>.m4s} of the given scaled sizes. */
    private static final class Title {
        final String id;
        final boolean series;
        final long[] chunks;
        final long bytes;
        final int episodes;
        int releaseDay;
        double latent;

        @Nullable
        DecayedScore score;

        @Nullable
        DecayedScore bytesScore;

        Title(String id, boolean series, long[] chunks, int episodes) {
            this.id = id;
            this.series = series;
            this.chunks = chunks;
            this.bytes = Arrays.stream(chunks).sum();
            this.episodes = episodes;
        }

        String path(int chunk) {
            return "c/" + chunk + ".m4s";
        }
    }

    /** One view: a title and a run of its objects, at a time within the day. */
    private record View(Title title, int first, int count, Instant at) {}

    /** Bytes served by one cache in one day. */
    private static final class Tally {
        long edge;
        long origin;
        long nightFill;
        long refused;

        double ratio() {
            return edge + origin == 0 ? 0 : (double) edge / (edge + origin);
        }
    }

    private record Options(
            int titles,
            int days,
            int views,
            double capacityShare,
            long seed,
            double drift,
            int releases,
            Duration halfLife,
            boolean forecastBytes,
            double pinShare,
            double alpha,
            Path dir) {}

    private FillBench(Options options) {
        this.options = options;
        // Random's first draws from nearby seeds are correlated: scramble the seed first.
        this.random = new Random(new SplittableRandom(options.seed()).nextLong());
        double drawn = 0.8 + 0.2 * random.nextDouble();
        this.alpha = options.alpha() > 0 ? options.alpha() : drawn;
    }

    public static void main(String[] args) throws IOException {
        Options options = parse(args);
        Files.createDirectories(options.dir());
        Path work = Files.createTempDirectory(options.dir(), "bench-fill-");
        Thread cleanup = new Thread(() -> deleteQuietly(work));
        Runtime.getRuntime().addShutdownHook(cleanup); // also on Ctrl-C
        new FillBench(options).run(work);
    }

    private static void deleteQuietly(Path work) {
        try {
            deleteTree(work);
        } catch (IOException e) {
            System.err.println("bench: could not delete " + work + ": " + e);
        }
    }

    private void run(Path work) throws IOException {
        makeCatalog();
        long catalogBytes = titles.stream().mapToLong(t -> t.bytes).sum();
        long capacity = (long) (catalogBytes * options.capacityShare());
        System.out.printf(
                Locale.ROOT,
                "bench: %d titles (%d series), catalog %.0f GB, edge %.0f GB (%.0f %%), Zipf α %.3f, %d views a day,"
                        + " %d days + 1 warm-up, seed %d, half-life %s, forecast from %s, pin share %.2f%n",
                titles.size(),
                titles.stream().filter(t -> t.series).count(),
                gb(catalogBytes),
                gb(capacity),
                options.capacityShare() * 100,
                alpha,
                options.views(),
                options.days(),
                options.seed(),
                options.halfLife().toString().substring(2).toLowerCase(Locale.ROOT),
                options.forecastBytes() ? "bytes watched" : "views",
                options.pinShare());

        Path fillRoot = Files.createDirectories(work.resolve("fill"));
        Path lruRoot = Files.createDirectories(work.resolve("lru"));
        DiskCache fill = DiskCache.open(fillRoot, capacity, EvictionPolicy.lru());
        DiskCache lru = DiskCache.open(lruRoot, capacity, EvictionPolicy.lru());
        FillPlanner planner =
                DensityFillPlanner.builder().pinShare(options.pinShare()).build();
        Decay decay = Decay.withHalfLife(options.halfLife());
        Instant epoch = Instant.parse("2026-01-01T00:00:00Z");

        Tally fillTotal = new Tally();
        Tally lruTotal = new Tally();
        double titleOracle = 0;
        double forecastOracle = 0;
        double objectOracle = 0;
        double capacityFor95 = 0;
        long started = System.nanoTime();
        System.out.println(
                "day  fill-hit  lru-hit  night-fill  requested  perfect-forecast  oracle-titles  oracle-objects"
                        + "  cap-for-95");
        for (int day = 0; day <= options.days(); day++) {
            Instant dayStart = epoch.plus(Duration.ofDays(day));
            if (day > 0) {
                drift(day);
            }
            List<View> views = views(day, dayStart);
            Tally f = new Tally();
            Tally l = new Tally();
            if (day > 0) {
                f.nightFill = applyPlan(fill, planner, decay, dayStart, capacity, day);
            }
            for (View view : views) {
                serve(fill, view, f);
                serve(lru, view, l);
            }
            for (View view : views) {
                Title title = view.title();
                title.score = decay.add(title.score, view.at(), 1);
                long requested = 0;
                for (int c = view.first(); c < view.first() + view.count(); c++) {
                    requested += title.chunks[c];
                }
                title.bytesScore = decay.add(title.bytesScore, view.at(), requested);
            }
            double[] oracle = oracles(views, capacity, catalogBytes);
            double perfectForecast = forecastOracle(day, views, capacity);
            System.out.printf(
                    Locale.ROOT,
                    "%3d  %8.3f  %7.3f  %7.0f GB  %6.0f GB  %16.3f  %13.3f  %14.3f  %10.2f%s%n",
                    day,
                    f.ratio(),
                    l.ratio(),
                    gb(f.nightFill),
                    gb(f.edge + f.origin),
                    perfectForecast,
                    oracle[0],
                    oracle[1],
                    oracle[2],
                    day == 0 ? "   (warm-up, not counted)" : "");
            if (day > 0) {
                fillTotal.edge += f.edge;
                fillTotal.origin += f.origin;
                fillTotal.nightFill += f.nightFill;
                fillTotal.refused += f.refused;
                lruTotal.edge += l.edge;
                lruTotal.origin += l.origin;
                titleOracle += oracle[0] / options.days();
                forecastOracle += perfectForecast / options.days();
                objectOracle += oracle[1] / options.days();
                capacityFor95 += oracle[2] / options.days();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "bench: overall fill %.3f (edge %.0f GB, origin %.0f GB by day, %.0f GB filled at night), lru %.3f"
                        + " (edge"
                        + " %.0f GB, origin %.0f GB); %d misses not cached (pinned titles filled the edge); %.0f s%n",
                fillTotal.ratio(),
                gb(fillTotal.edge),
                gb(fillTotal.origin),
                gb(fillTotal.nightFill),
                lruTotal.ratio(),
                gb(lruTotal.edge),
                gb(lruTotal.origin),
                fillTotal.refused,
                seconds);
        System.out.printf(
                Locale.ROOT,
                "bench: whole titles placed by a perfect forecast of each day's demand would serve %.3f; a perfect"
                        + " static placement of each day's actual requests at %.0f %% of the catalog %.3f"
                        + " (whole titles)"
                        + " or %.3f (single objects); 95 %% needs %.0f %% of the catalog%n",
                forecastOracle,
                options.capacityShare() * 100,
                titleOracle,
                objectOracle,
                capacityFor95 * 100);
        System.out.printf(Locale.ROOT, "bench: fill-byte-hit-ratio %.3f ratio (goal >= 0.95)%n", fillTotal.ratio());
        System.out.printf(Locale.ROOT, "bench: lru-byte-hit-ratio %.3f ratio (goal none)%n", lruTotal.ratio());
        System.out.printf(
                Locale.ROOT,
                "bench: fill-vs-lru %.3f x (goal > 1)%n",
                fillTotal.ratio() / Math.max(1e-9, lruTotal.ratio()));
        System.out.printf(
                Locale.ROOT, "bench: perfect-forecast-byte-hit-ratio %.3f ratio (goal none)%n", forecastOracle);
        System.out.printf(Locale.ROOT, "bench: oracle-title-byte-hit-ratio %.3f ratio (goal none)%n", titleOracle);
        System.out.printf(Locale.ROOT, "bench: capacity-for-95 %.3f share-of-catalog (goal none)%n", capacityFor95);
    }

    // --- catalog and demand -----------------------------------------------------------------------------------------

    private void makeCatalog() {
        for (int i = 0; i < options.titles(); i++) {
            boolean series = random.nextDouble() < 0.3;
            long[] chunks;
            int episodes = 0;
            if (series) {
                episodes = 6 + random.nextInt(7);
                chunks = new long[episodes * CHUNKS_PER_EPISODE];
                for (int e = 0; e < episodes; e++) {
                    double episodeGb = Math.exp(Math.log(0.6) + 0.2 * random.nextGaussian());
                    for (int c = 0; c < CHUNKS_PER_EPISODE; c++) {
                        chunks[e * CHUNKS_PER_EPISODE + c] = scaled(episodeGb / CHUNKS_PER_EPISODE);
                    }
                }
            } else {
                double movieGb = Math.exp(Math.log(2.2) + 0.35 * random.nextGaussian());
                chunks = new long[MOVIE_CHUNKS];
                Arrays.fill(chunks, scaled(movieGb / MOVIE_CHUNKS));
            }
            titles.add(new Title(new UUID(random.nextLong(), random.nextLong()).toString(), series, chunks, episodes));
        }
        // Popularity is independent of type and size: a random initial order, Zipf over it.
        List<Title> order = new ArrayList<>(titles);
        Collections.shuffle(order, random);
        int unreleased = Math.min(order.size() / 2, options.releases() * options.days());
        for (int rank = 0; rank < order.size(); rank++) {
            order.get(rank).latent = -Math.log(rank + 1);
        }
        // The last ones of the order are released one batch a day, from day 1.
        for (int k = 0; k < unreleased; k++) {
            order.get(order.size() - 1 - k).releaseDay = 1 + k / Math.max(1, options.releases());
        }
    }

    /** The night before {@code day}: every latent score drifts, recent releases cool down, new ones enter hot. */
    private void drift(int day) {
        for (Title title : titles) {
            title.latent += options.drift() * random.nextGaussian();
            int age = day - title.releaseDay;
            if (title.releaseDay > 0 && age > 0 && age <= 10) {
                title.latent -= 0.2;
            }
        }
        for (Title title : titles) {
            if (title.releaseDay == day) {
                double top = released(day).stream()
                        .mapToDouble(t -> t.latent)
                        .sorted()
                        .skip(Math.max(0, released(day).size() - 1 - random.nextInt(10)))
                        .findFirst()
                        .orElse(0);
                title.latent = top + 0.01 * random.nextGaussian();
            }
        }
    }

    private List<Title> released(int day) {
        return titles.stream().filter(t -> t.releaseDay <= day).toList();
    }

    /** The day's views, by time: titles by Zipf over the day's ranks, parts of titles as the model says. */
    private List<View> views(int day, Instant dayStart) {
        List<Title> ranked = new ArrayList<>(released(day));
        ranked.sort(Comparator.comparingDouble((Title t) -> t.latent).reversed());
        double[] cumulative = new double[ranked.size()];
        double sum = 0;
        for (int r = 0; r < ranked.size(); r++) {
            sum += Math.pow(r + 1, -alpha);
            cumulative[r] = sum;
        }
        List<View> views = new ArrayList<>(options.views());
        for (int i = 0; i < options.views(); i++) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            Title title = ranked.get(index < 0 ? -index - 1 : index);
            Instant at = dayStart.plusMillis(
                    (long) (random.nextDouble() * Duration.ofDays(1).toMillis()));
            views.add(part(title, at));
        }
        views.sort(Comparator.comparing(View::at));
        return views;
    }

    private View part(Title title, Instant at) {
        if (!title.series) {
            double u = random.nextDouble();
            double f;
            if (u < 0.20) {
                f = 0.02 + 0.13 * random.nextDouble();
            } else if (u < 0.65) {
                f = 1;
            } else {
                f = 0.15 + 0.85 * random.nextDouble();
            }
            return new View(title, 0, Math.max(1, (int) Math.ceil(f * MOVIE_CHUNKS)), at);
        }
        int start = random.nextDouble() < 0.4 ? 0 : random.nextInt(title.episodes);
        int episodes = 1;
        while (random.nextDouble() >= 0.45) {
            episodes++;
        }
        episodes = Math.min(episodes, title.episodes - start);
        int chunks = episodes * CHUNKS_PER_EPISODE;
        if (random.nextDouble() < 0.3) {
            chunks -= 1;
        }
        return new View(title, start * CHUNKS_PER_EPISODE, chunks, at);
    }

    /** The exact expectation of the bytes one view of {@code title} requests, under {@link #part}'s model. */
    private static double expectedBytesPerView(Title title) {
        if (!title.series) {
            // ⌈10f⌉ objects: f ~ U(0.02, 0.15) w.p. 0.2 (1 or 2 objects), 1 w.p. 0.45, U(0.15, 1) w.p. 0.35.
            double sampling = (1 * 0.08 + 2 * 0.05) / 0.13;
            double partial = 2 * 0.05;
            for (int k = 3; k <= MOVIE_CHUNKS; k++) {
                partial += k * 0.1;
            }
            partial /= 0.85;
            double objects = 0.2 * sampling + 0.45 * MOVIE_CHUNKS + 0.35 * partial;
            return objects * title.bytes / MOVIE_CHUNKS;
        }
        double expected = 0;
        for (int start = 0; start < title.episodes; start++) {
            double pStart = (start == 0 ? 0.4 : 0) + 0.6 / title.episodes;
            int left = title.episodes - start;
            for (int n = 1; n <= left; n++) {
                // 1 + Geometric(0.45) episodes, cut at the last one.
                double pN = n < left ? Math.pow(0.55, n - 1) * 0.45 : Math.pow(0.55, n - 1);
                long whole = 0;
                for (int c = start * CHUNKS_PER_EPISODE; c < (start + n) * CHUNKS_PER_EPISODE; c++) {
                    whole += title.chunks[c];
                }
                long lastHalf = title.chunks[(start + n) * CHUNKS_PER_EPISODE - 1];
                expected += pStart * pN * (whole - 0.3 * lastHalf);
            }
        }
        return expected;
    }

    /**
     * The hit ratio on the day's actual requests of the best whole-title placement for the day's <em>expected</em>
     * demand (the true Zipf weights and view model): what a planner with a perfect forecast could reach.
     */
    private double forecastOracle(int day, List<View> views, long capacity) {
        List<Title> ranked = new ArrayList<>(released(day));
        ranked.sort(Comparator.comparingDouble((Title t) -> t.latent).reversed());
        List<TitleDemand> demand = new ArrayList<>();
        for (int r = 0; r < ranked.size(); r++) {
            Title title = ranked.get(r);
            demand.add(new TitleDemand(
                    title.id, "v1", title.bytes, Math.pow(r + 1, -alpha) * expectedBytesPerView(title)));
        }
        Placement placement = DensityFillPlanner.builder()
                .build()
                .plan(demand, List.of(new ApplianceSlot("oracle", "isp", Tier.STORAGE, capacity, Map.of())))
                .placements()
                .getFirst();
        Set<String> placed = new HashSet<>();
        placement.titles().forEach(t -> placed.add(t.titleId()));
        long hit = 0;
        long total = 0;
        for (View view : views) {
            for (int c = view.first(); c < view.first() + view.count(); c++) {
                total += view.title().chunks[c];
                if (placed.contains(view.title().id)) {
                    hit += view.title().chunks[c];
                }
            }
        }
        return total == 0 ? 0 : (double) hit / total;
    }

    // --- the edge ---------------------------------------------------------------------------------------------------

    private static void serve(DiskCache cache, View view, Tally tally) throws IOException {
        Title title = view.title();
        for (int c = view.first(); c < view.first() + view.count(); c++) {
            String path = title.path(c);
            if (cache.contains(title.id, path)) {
                cache.touch(title.id, path);
                tally.edge += title.chunks[c];
            } else {
                tally.origin += title.chunks[c];
                try {
                    admit(cache, title, c);
                } catch (IOException e) {
                    tally.refused++; // pinned titles leave no room: served from origin, not cached
                }
            }
        }
    }

    private static void admit(DiskCache cache, Title title, int chunk) throws IOException {
        String path = title.path(chunk);
        Path temp = cache.newTempFile(title.id, path);
        try (RandomAccessFile file = new RandomAccessFile(temp.toFile(), "rw")) {
            file.setLength(title.chunks[chunk]); // sparse: the size is real, the blocks are not written
        }
        cache.admit(title.id, path, temp);
    }

    /** Plans as steering would tonight and applies the plan as the edge would; returns the bytes fetched. */
    private long applyPlan(DiskCache cache, FillPlanner planner, Decay decay, Instant night, long capacity, int day)
            throws IOException {
        Map<String, Title> byId = new HashMap<>();
        Map<String, Long> cachedBytes = new HashMap<>();
        for (CacheEntry entry : cache.entries()) {
            cachedBytes.merge(entry.titleId(), entry.size(), Long::sum);
        }
        List<TitleDemand> demand = new ArrayList<>();
        Map<String, String> held = new HashMap<>();
        for (Title title : released(day)) {
            byId.put(title.id, title);
            double predictedBytes;
            if (options.forecastBytes()) {
                predictedBytes =
                        title.bytesScore == null ? 0 : decay.predicted(title.bytesScore, night, Duration.ofHours(24));
            } else {
                double views = title.score == null ? 0 : decay.predicted(title.score, night, Duration.ofHours(24));
                predictedBytes = views * 0.5 * title.bytes;
            }
            demand.add(new TitleDemand(title.id, "v1", title.bytes, predictedBytes));
            long cached = cachedBytes.getOrDefault(title.id, 0L);
            if (cached >= title.bytes) {
                held.put(title.id, "v1");
            } else if (cached > 0) {
                held.put(title.id, ApplianceSlot.NOT_IN_FULL); // reported with its bytes: steering sees it is partial
            }
        }
        Placement placement = planner.plan(
                        demand, List.of(new ApplianceSlot("edge", "isp", Tier.FLASH, capacity, held)))
                .placements()
                .getFirst();
        for (String drop : placement.drop()) {
            cache.dropTitle(drop);
        }
        Set<String> fetch = new HashSet<>();
        for (FetchTitle title : placement.fetch()) {
            fetch.add(title.titleId());
        }
        cache.pin(placement.pinned());
        List<PlacedTitle> placed = new ArrayList<>(placement.titles());
        Collections.reverse(placed); // densest last: the most recently used
        // First refresh what is held, so admitting the rest evicts only titles outside the plan ...
        for (PlacedTitle placedTitle : placed) {
            Title title = byId.get(placedTitle.titleId());
            for (int c = 0; c < title.chunks.length; c++) {
                cache.touch(title.id, title.path(c));
            }
        }
        // ... then fetch the missing objects of the titles the plan says to fetch.
        long fetched = 0;
        for (PlacedTitle placedTitle : placed) {
            Title title = byId.get(placedTitle.titleId());
            if (!fetch.contains(title.id)) {
                continue;
            }
            for (int c = 0; c < title.chunks.length; c++) {
                if (!cache.contains(title.id, title.path(c))) {
                    admit(cache, title, c);
                    fetched += title.chunks[c];
                }
            }
        }
        return fetched;
    }

    // --- what a perfect static placement would do -------------------------------------------------------------------

    /** {whole-title oracle hit ratio, object oracle hit ratio, catalog share an object oracle needs for 95 %}. */
    private static double[] oracles(List<View> views, long capacity, long catalogBytes) {
        Map<Title, Long> perTitle = new HashMap<>();
        Map<String, long[]> perObject = new HashMap<>(); // {requested, size}
        long total = 0;
        for (View view : views) {
            Title title = view.title();
            for (int c = view.first(); c < view.first() + view.count(); c++) {
                long size = title.chunks[c];
                perTitle.merge(title, size, Long::sum);
                perObject.computeIfAbsent(title.id + "/" + c, k -> new long[] {0, size})[0] += size;
                total += size;
            }
        }
        List<long[]> titleItems = new ArrayList<>();
        perTitle.forEach((title, requested) -> titleItems.add(new long[] {requested, title.bytes}));
        List<long[]> objectItems = new ArrayList<>(perObject.values());
        double titleRatio = greedy(titleItems, capacity) / (double) total;
        double objectRatio = greedy(objectItems, capacity) / (double) total;
        objectItems.sort(FillBench::byDensity);
        long served = 0;
        long used = 0;
        for (long[] item : objectItems) {
            if (served >= 0.95 * total) {
                break;
            }
            served += item[0];
            used += item[1];
        }
        return new double[] {titleRatio, objectRatio, (double) used / catalogBytes};
    }

    private static long greedy(List<long[]> items, long capacity) {
        items.sort(FillBench::byDensity);
        long used = 0;
        long value = 0;
        for (long[] item : items) {
            if (used + item[1] <= capacity) {
                used += item[1];
                value += item[0];
            }
        }
        return value;
    }

    private static int byDensity(long[] a, long[] b) {
        return Double.compare((double) b[0] / b[1], (double) a[0] / a[1]);
    }

    // --- plumbing ---------------------------------------------------------------------------------------------------

    private static long scaled(double gigabytes) {
        return Math.max(1, Math.round(gigabytes * SCALE_BYTES_PER_GB));
    }

    /** Scaled bytes back in real (unscaled) gigabytes. */
    private static double gb(long scaledBytes) {
        return scaledBytes / (double) SCALE_BYTES_PER_GB;
    }

    private static Options parse(String[] args) {
        int titles = 1000;
        int days = 7;
        int views = 10_000;
        double capacity = 0.2;
        long seed = 42;
        double drift = 0.25;
        int releases = 4;
        Duration halfLife = Duration.ofHours(24);
        boolean forecastBytes = true;
        double pinShare = 0.8;
        double alpha = 0;
        Path shm = Path.of("/dev/shm");
        Path dir =
                Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--titles" -> titles = Integer.parseInt(value);
                case "--days" -> days = Integer.parseInt(value);
                case "--views" -> views = Integer.parseInt(value);
                case "--capacity" -> capacity = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--drift" -> drift = Double.parseDouble(value);
                case "--releases" -> releases = Integer.parseInt(value);
                case "--half-life" -> halfLife = Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
                case "--forecast" -> {
                    if (!value.equals("views") && !value.equals("bytes")) {
                        throw new IllegalArgumentException("--forecast is views or bytes");
                    }
                    forecastBytes = value.equals("bytes");
                }
                case "--pin-share" -> pinShare = Double.parseDouble(value);
                case "--alpha" -> alpha = Double.parseDouble(value);
                case "--dir" -> dir = Path.of(value);
                default ->
                    throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; options: --titles --days --views --capacity --seed --alpha --drift --releases"
                            + " --half-life --forecast --pin-share --dir");
            }
            i++;
        }
        if (titles < 10 || days < 1 || views < 1 || !(capacity > 0 && capacity < 1)) {
            throw new IllegalArgumentException("Need titles >= 10, days >= 1, views >= 1 and 0 < capacity < 1");
        }
        return new Options(
                titles, days, views, capacity, seed, drift, releases, halfLife, forecastBytes, pinShare, alpha, dir);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
