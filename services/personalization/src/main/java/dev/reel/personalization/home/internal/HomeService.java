package dev.reel.personalization.home.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reel.events.Maturity;
import dev.reel.kit.client.ResilientClients;
import dev.reel.kit.profile.ViewerProfile;
import dev.reel.personalization.PersonalizationProperties;
import dev.reel.personalization.activity.Activity;
import dev.reel.personalization.activity.Interaction;
import dev.reel.personalization.artwork.ArtworkChooser;
import dev.reel.personalization.catalog.CatalogSnapshot;
import dev.reel.personalization.catalog.CatalogView;
import dev.reel.personalization.catalog.TitleView;
import dev.reel.personalization.experiment.Experiments;
import dev.reel.personalization.home.HomeItem;
import dev.reel.personalization.home.HomePage;
import dev.reel.personalization.home.HomePages;
import dev.reel.personalization.home.HomeRow;
import dev.reel.personalization.home.RowKind;
import dev.reel.personalization.model.Models;
import dev.reel.personalization.model.TrainedModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds home pages from memory: the catalog view, trending, the model and the artwork counts are held by their
 * features, the profile-independent shelves are precomputed off the request path once per change ({@link Shelves}),
 * the profile's interactions come from {@link Activity}'s cache, and the fold-in and scores are kept per (profile
 * history, model). A page costs one call to viewing (Continue Watching), plus one indexed database read the first time
 * a profile is seen or after its interactions changed.
 *
 * <p>Continue Watching is fetched on its own virtual thread from the start of the page and must be ready {@code
 * home.row-timeout} after the history is known (a history read from the database gets the same budget first). The
 * other rows read only memory, cost microseconds and are built on the request thread: a hand-off per row cost a
 * scheduling round trip each, which on busy cores made them late. A row that fails or is late gets its fallback: the
 * last good copy of that row for the profile, else popular titles (not for Continue Watching), else it is left out.
 * Either way its id is listed in the page's {@code degraded}.
 */
@Service
class HomeService implements HomePages, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HomeService.class);

    /** The experiment that orders rows, and its cell that orders them by affinity. */
    static final String ROW_ORDERING = PersonalizationProperties.Experiment.ROW_ORDERING;

    static final String MODEL_CELL = "model";

    /** Interactions read per page. */
    static final int HISTORY_LIMIT = 500;

    /** A title watched this far is not recommended again. */
    static final float WATCHED = 0.9f;

    static final String CONTINUE_WATCHING = "continue-watching";

    /**
     * What a row that depends on another service returns while that service is unavailable (compared by identity):
     * the client already logged why, so the row goes to its fallback without an exception or another log line.
     */
    private static final List<Candidate> UNAVAILABLE = Collections.unmodifiableList(new ArrayList<>());

    private final CatalogView catalog;
    private final Activity activity;
    private final Models models;
    private final ArtworkChooser artwork;
    private final Experiments experiments;
    private final ViewingApi viewing;
    private final JsonMapper json;
    private final PersonalizationProperties.Home settings;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Cache<RowKey, List<Candidate>> lastGood;
    private final Cache<UUID, Personal> personals;
    private final Object shelvesLock = new Object();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile @Nullable Shelves shelves;

    HomeService(
            CatalogView catalog,
            Activity activity,
            Models models,
            ArtworkChooser artwork,
            Experiments experiments,
            ViewingApi viewing,
            JsonMapper json,
            PersonalizationProperties properties,
            Clock clock) {
        this.catalog = catalog;
        this.activity = activity;
        this.models = models;
        this.artwork = artwork;
        this.experiments = experiments;
        this.viewing = viewing;
        this.json = json;
        this.settings = properties.home();
        this.clock = clock;
        this.lastGood = Caffeine.newBuilder()
                .expireAfterWrite(settings.lastGoodRows())
                .maximumSize(settings.maxProfiles() * 8)
                .build();
        this.personals = Caffeine.newBuilder()
                .maximumSize(settings.maxProfiles())
                .expireAfterAccess(settings.lastGoodRows())
                .build();
    }

    private record RowKey(UUID profileId, String rowId) {}

    /** A row to build. */
    private record Planned(String id, RowKind kind, String title, Callable<List<Candidate>> build) {}

    /** What the page knows about the profile. */
    private record Personal(
            List<Interaction> history,
            Set<UUID> seen,
            Set<UUID> watched,
            @Nullable TrainedModel model,
            float @Nullable [] scores,
            int[] ranked) {}

    /** Item indices by descending score (ties: lower index first); empty without scores. */
    static int[] ranked(float @Nullable [] scores) {
        if (scores == null) {
            return new int[0];
        }
        Integer[] items = new Integer[scores.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = i;
        }
        Arrays.sort(items, (a, b) -> {
            int byScore = Float.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        int[] ranked = new int[items.length];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = items[i];
        }
        return ranked;
    }

    @Override
    public HomePage build(ViewerProfile profile, @Nullable String authorization) {
        String cell = experiments.expose(profile.accountId(), ROW_ORDERING);
        return page(profile, authorization, cell);
    }

    /**
     * Warms what a fresh instance would otherwise set up on its first pages, before it reports ready: the viewing
     * client (discovery, load balancer, connection, message converters) with a call that carries no valid token, and
     * the page path itself (database read, shelves, rows, JSON) for a made-up profile, with no exposure logged. Bounded
     * by the client's timeouts; failures are only logged.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        long started = System.nanoTime();
        UUID nobody = UUID.randomUUID();
        try {
            viewing.continueWatching("Bearer warm-up", nobody, 1);
        } catch (RuntimeException e) {
            // A 401 is the expected answer: the call still set up the client and its connection.
            log.debug("viewing warm-up call answered {}", e.toString());
        }
        try {
            json.readValue(
                    "{\"items\":[{\"titleId\":\"" + nobody + "\",\"episodeId\":null,\"progress\":0.5}]}",
                    ViewingApi.ContinuePage.class);
            var profile = new ViewerProfile(nobody, nobody, false, Maturity.EIGHTEEN_PLUS);
            json.writeValueAsBytes(page(profile, null, "popularity"));
            personals.invalidate(nobody);
        } catch (RuntimeException e) {
            log.warn("home warm-up failed: {}", e.toString());
        }
        log.info("home warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private HomePage page(ViewerProfile profile, @Nullable String authorization, String cell) {
        Instant now = clock.instant();
        // On its own thread, with the request's criticality and chaos headers, so a fault meant for viewing reaches it.
        Future<List<Candidate>> continueWatching = authorization == null
                ? null
                : workers.submit(ResilientClients.withCallerHeaders(() -> continueWatching(profile, authorization)));
        List<Interaction> history = history(profile.id());
        Shelves shelves = shelves();
        Personal personal = personal(profile, history, shelves);
        List<Planned> planned = plan(profile, personal, shelves);

        long deadline = System.nanoTime() + settings.rowTimeout().toNanos();
        List<Row> rows = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        // Every row but Continue Watching reads only memory and costs microseconds: built right here, because handing
        // each to another thread costs a scheduling round trip per row, which on busy cores is what made rows late.
        for (Planned row : planned) {
            build(row, profile, shelves, rows, degraded);
        }
        if (continueWatching != null) {
            collect(
                    new Planned(CONTINUE_WATCHING, RowKind.CONTINUE_WATCHING, "Continue Watching", List::of),
                    continueWatching,
                    deadline,
                    profile,
                    shelves,
                    rows,
                    degraded);
        }

        List<Row> ordered = MODEL_CELL.equals(cell) && personal.scores() != null
                ? RowOrdering.byAffinity(rows, row -> affinity(row, personal))
                : RowOrdering.fixed(rows);
        List<Row> deduped = RowOrdering.dedupe(ordered, settings.visiblePositions(), settings.rowSize());
        List<HomeRow> page = new ArrayList<>(deduped.size());
        for (Row row : deduped) {
            int minimum = row.kind() == RowKind.CONTINUE_WATCHING ? 1 : settings.minRowItems();
            if (row.candidates().size() < minimum) {
                continue;
            }
            List<HomeItem> items = new ArrayList<>(row.candidates().size());
            for (Candidate candidate : row.candidates()) {
                TitleView title = shelves.catalog().title(candidate.titleId());
                if (title != null) {
                    items.add(item(profile, title, candidate, now));
                }
            }
            page.add(new HomeRow(row.id(), row.kind(), row.title(), row.degraded(), items));
        }
        return new HomePage(
                profile.id(), UUID.randomUUID().toString(), now, Map.of(ROW_ORDERING, cell), page, degraded);
    }

    /** Builds one in-memory row and files it, or its fallback when it fails. */
    private void build(Planned planned, ViewerProfile profile, Shelves shelves, List<Row> rows, List<String> degraded) {
        List<Candidate> built;
        try {
            built = planned.build().call();
        } catch (Exception e) {
            log.warn("row {} failed; using its fallback: {}", planned.id(), e.toString());
            fallback(planned, profile, shelves, rows, degraded);
            return;
        }
        file(planned, built, profile, shelves, rows);
    }

    /** Waits for one row until the deadline and files it, or its fallback, or its absence. */
    private void collect(
            Planned planned,
            Future<List<Candidate>> future,
            long deadline,
            ViewerProfile profile,
            Shelves shelves,
            List<Row> rows,
            List<String> degraded) {
        try {
            List<Candidate> built = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (built != UNAVAILABLE) {
                file(planned, built, profile, shelves, rows);
                return;
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("row {} took longer than {}; using its fallback", planned.id(), settings.rowTimeout());
        } catch (ExecutionException e) {
            log.warn(
                    "row {} failed; using its fallback: {}",
                    planned.id(),
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
        }
        fallback(planned, profile, shelves, rows, degraded);
    }

    /** Files a row that was built in time, keeping it as the profile's last good copy. */
    private void file(
            Planned planned, List<Candidate> candidates, ViewerProfile profile, Shelves shelves, List<Row> rows) {
        List<Candidate> built = visible(candidates, profile, shelves);
        if (!built.isEmpty()) {
            lastGood.put(new RowKey(profile.id(), planned.id()), built);
            rows.add(new Row(planned.id(), planned.kind(), planned.title(), built, false));
        }
    }

    /** Files the row's last good copy, else popular titles (not for Continue Watching), else nothing; degraded. */
    private void fallback(
            Planned planned, ViewerProfile profile, Shelves shelves, List<Row> rows, List<String> degraded) {
        degraded.add(planned.id());
        List<Candidate> fallback = lastGood.getIfPresent(new RowKey(profile.id(), planned.id()));
        if (fallback == null && planned.kind() != RowKind.CONTINUE_WATCHING) {
            fallback = shelves.popular(profile.ceiling()).stream()
                    .limit(settings.rowSize())
                    .map(Candidate::of)
                    .toList();
        }
        if (fallback != null) {
            List<Candidate> shown = visible(fallback, profile, shelves);
            if (!shown.isEmpty()) {
                rows.add(new Row(planned.id(), planned.kind(), planned.title(), shown, true));
            }
        }
    }

    /** The candidates still published and within the profile's ceiling. */
    private static List<Candidate> visible(List<Candidate> candidates, ViewerProfile profile, Shelves shelves) {
        List<Candidate> shown = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            TitleView title = shelves.catalog().title(candidate.titleId());
            if (title != null && title.visibleUnder(profile.ceiling())) {
                shown.add(candidate);
            }
        }
        return shown;
    }

    private HomeItem item(ViewerProfile profile, TitleView title, Candidate candidate, Instant now) {
        return new HomeItem(
                title.id(),
                title.name(),
                title.type(),
                title.year(),
                title.maturity().label(),
                title.genres(),
                artwork.choose(profile.id(), title, now),
                candidate.progress(),
                candidate.episodeId());
    }

    // --- inputs ---------------------------------------------------------------------------------------------------

    /** The profile's interactions; empty (a cold-start page) when the database does not answer within the budget. */
    private List<Interaction> history(UUID profileId) {
        List<Interaction> cached = activity.cachedHistory(profileId, HISTORY_LIMIT);
        if (cached != null) {
            return cached;
        }
        Future<List<Interaction>> read = workers.submit(() -> activity.history(profileId, HISTORY_LIMIT));
        try {
            return read.get(settings.rowTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            read.cancel(true);
            log.warn("history of profile {} unavailable; serving a cold-start page: {}", profileId, e.toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The shared shelves for the current catalog, trending and model, rebuilt by the first request after a change. */
    /**
     * The shared shelves. Built by the first page, then rebuilt off the request path: by {@link #refreshShelves} and,
     * when a page sees that a source changed, on a background thread while pages keep the previous shelves (a page
     * never waits for a rebuild, which sorts the whole catalog once per ceiling).
     */
    Shelves shelves() {
        Shelves current = shelves;
        if (current == null) {
            return rebuildShelves();
        }
        if (!current.builtFrom(catalog.snapshot(), activity.trending(), models.current())
                && rebuilding.compareAndSet(false, true)) {
            try {
                workers.execute(() -> {
                    try {
                        rebuildShelves();
                    } finally {
                        rebuilding.set(false);
                    }
                });
            } catch (RuntimeException e) {
                rebuilding.set(false);
            }
        }
        return current;
    }

    /** Rebuilds the shelves when a source changed since they were built. */
    @Scheduled(initialDelayString = "0", fixedDelayString = "${reel.personalization.refresh.catalog:2s}")
    void refreshShelves() {
        try {
            rebuildShelves();
        } catch (RuntimeException e) {
            log.warn("shelves rebuild failed; serving the previous ones: {}", e.toString());
        }
    }

    private Shelves rebuildShelves() {
        synchronized (shelvesLock) {
            CatalogSnapshot snapshot = catalog.snapshot();
            var trending = activity.trending();
            TrainedModel model = models.current();
            Shelves current = shelves;
            if (current == null || !current.builtFrom(snapshot, trending, model)) {
                current = Shelves.of(snapshot, trending, model);
                shelves = current;
            }
            return current;
        }
    }

    /**
     * What the page knows about the profile, reused while its history (the same cached list) and the model are the
     * same: the fold-in ({@code O(f³ + n·f²)}) and the scores ({@code O(items·f)}) are then computed once per change
     * instead of once per page.
     */
    private Personal personal(ViewerProfile profile, List<Interaction> history, Shelves shelves) {
        Personal cached = personals.getIfPresent(profile.id());
        if (cached != null && cached.history() == history && cached.model() == shelves.model()) {
            return cached;
        }
        Personal fresh = personal(profile.id(), history, shelves.model());
        personals.put(profile.id(), fresh);
        return fresh;
    }

    private static Personal personal(UUID profileId, List<Interaction> history, @Nullable TrainedModel model) {
        Set<UUID> seen = new HashSet<>();
        Set<UUID> watched = new HashSet<>();
        for (Interaction interaction : history) {
            seen.add(interaction.titleId());
            if (interaction.strength() >= WATCHED) {
                watched.add(interaction.titleId());
            }
        }
        float[] scores = null;
        if (model != null && !history.isEmpty()) {
            float[] user = model.userVector(profileId, history);
            if (user != null) {
                scores = model.als().scores(user);
            }
        }
        return new Personal(history, seen, watched, model, scores, ranked(scores));
    }

    // --- rows -----------------------------------------------------------------------------------------------------

    private List<Planned> plan(ViewerProfile profile, Personal personal, Shelves shelves) {
        Maturity ceiling = profile.ceiling();
        int wanted = settings.rowSize() * 2;
        List<Planned> rows = new ArrayList<>();
        TrainedModel model = personal.model();
        if (personal.scores() != null && model != null) {
            rows.add(new Planned(
                    "top-picks",
                    RowKind.TOP_PICKS,
                    "Top Picks for You",
                    () -> topPicks(personal, shelves, ceiling, wanted)));
        }
        if (model != null) {
            int seeds = 0;
            for (Interaction interaction : personal.history()) {
                if (seeds >= settings.becauseYouWatchedRows()) {
                    break;
                }
                int item = model.item(interaction.titleId());
                TitleView seed = shelves.catalog().title(interaction.titleId());
                if (item < 0 || seed == null || !seed.visibleUnder(ceiling)) {
                    continue;
                }
                seeds++;
                rows.add(new Planned(
                        "because-you-watched:" + seed.id(),
                        RowKind.BECAUSE_YOU_WATCHED,
                        "Because You Watched " + seed.name(),
                        () -> similar(model, item, personal, shelves, ceiling, wanted)));
            }
        }
        rows.add(new Planned("trending", RowKind.TRENDING, "Trending Now", () -> shelves.popular(ceiling).stream()
                .filter(id -> shelves.trending().score(id) > 0)
                .limit(wanted)
                .map(Candidate::of)
                .toList()));
        rows.add(new Planned(
                "new-releases", RowKind.NEW_RELEASES, "New Releases", () -> shelves.newReleases(ceiling).stream()
                        .limit(wanted)
                        .map(Candidate::of)
                        .toList()));
        for (String genre : genres(personal, shelves, ceiling)) {
            List<UUID> titles = shelves.genres(ceiling).get(genre);
            rows.add(new Planned(
                    "genre:" + genre, RowKind.GENRE, genreName(genre), () -> genreRow(titles, personal, wanted)));
        }
        return rows;
    }

    private List<Candidate> continueWatching(ViewerProfile profile, String authorization) {
        ViewingApi.ContinuePage page = viewing.continueWatching(authorization, profile.id(), settings.rowSize());
        if (page == ViewingApi.UNAVAILABLE) {
            return UNAVAILABLE;
        }
        List<Candidate> candidates = new ArrayList<>();
        if (page.items() != null) {
            for (ViewingApi.ContinueItem item : page.items()) {
                if (item != null && item.titleId() != null) {
                    candidates.add(new Candidate(item.titleId(), item.progress(), item.episodeId()));
                }
            }
        }
        return candidates;
    }

    private static List<Candidate> topPicks(Personal personal, Shelves shelves, Maturity ceiling, int wanted) {
        TrainedModel model = personal.model();
        if (personal.scores() == null || model == null) {
            return List.of();
        }
        List<Candidate> picks = new ArrayList<>(wanted);
        for (int item : personal.ranked()) {
            if (picks.size() >= wanted) {
                break;
            }
            if (shelves.visibleItem(ceiling, item) && !personal.seen().contains(model.title(item))) {
                picks.add(Candidate.of(model.title(item)));
            }
        }
        return picks;
    }

    private static List<Candidate> similar(
            TrainedModel model, int seed, Personal personal, Shelves shelves, Maturity ceiling, int wanted) {
        int[] items = model.als()
                .similarItems(
                        seed,
                        wanted,
                        item -> item == seed
                                || !shelves.visibleItem(ceiling, item)
                                || personal.seen().contains(model.title(item)));
        return Arrays.stream(items)
                .mapToObj(item -> Candidate.of(model.title(item)))
                .toList();
    }

    /**
     * The profile's genres: those of its history weighted by watch strength first, then the most popular ones, up to
     * {@code home.genre-rows}.
     */
    private List<String> genres(Personal personal, Shelves shelves, Maturity ceiling) {
        Map<String, List<UUID>> available = shelves.genres(ceiling);
        Map<String, Double> affinity = new HashMap<>();
        for (Interaction interaction : personal.history()) {
            TitleView title = shelves.catalog().title(interaction.titleId());
            if (title != null) {
                for (String genre : title.genres()) {
                    if (available.containsKey(genre)) {
                        affinity.merge(genre, (double) interaction.strength(), Double::sum);
                    }
                }
            }
        }
        List<String> liked = new ArrayList<>(affinity.keySet());
        liked.sort((a, b) -> Double.compare(affinity.get(b), affinity.get(a)));
        LinkedHashSet<String> chosen = new LinkedHashSet<>(liked);
        chosen.addAll(available.keySet());
        return chosen.stream().limit(settings.genreRows()).toList();
    }

    /** A genre's titles by the profile's model score when there is one (unscored titles after), else by popularity. */
    private static List<Candidate> genreRow(List<UUID> titles, Personal personal, int wanted) {
        List<UUID> candidates = new ArrayList<>();
        for (UUID title : titles) {
            if (!personal.watched().contains(title)) {
                candidates.add(title);
            }
        }
        float[] scores = personal.scores();
        TrainedModel model = personal.model();
        if (scores != null && model != null) {
            Map<UUID, Integer> rank = new HashMap<>();
            for (int i = 0; i < candidates.size(); i++) {
                rank.put(candidates.get(i), i);
            }
            candidates.sort((a, b) -> {
                int ia = model.item(a);
                int ib = model.item(b);
                if (ia >= 0 && ib >= 0) {
                    return Float.compare(scores[ib], scores[ia]);
                }
                if (ia >= 0 || ib >= 0) {
                    return ia >= 0 ? -1 : 1;
                }
                return Integer.compare(rank.get(a), rank.get(b));
            });
        }
        return candidates.stream().limit(wanted).map(Candidate::of).toList();
    }

    /** The mean model score of the row's first visible titles, NaN when none is scored. */
    private double affinity(Row row, Personal personal) {
        float[] scores = personal.scores();
        TrainedModel model = personal.model();
        if (scores == null || model == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (Candidate candidate : row.candidates()) {
            if (n >= settings.visiblePositions()) {
                break;
            }
            int item = model.item(candidate.titleId());
            if (item >= 0) {
                sum += scores[item];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** {@code science-fiction} → {@code Science Fiction}. */
    static String genreName(String slug) {
        StringBuilder name = new StringBuilder();
        for (String word : slug.split("[-_ ]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name.isEmpty() ? slug : name.toString();
    }

    @Override
    public void close() {
        workers.close();
    }
}
