package dev.reel.personalization.home.internal;

import dev.reel.events.Maturity;
import dev.reel.personalization.activity.Trending;
import dev.reel.personalization.catalog.CatalogSnapshot;
import dev.reel.personalization.catalog.TitleView;
import dev.reel.personalization.model.TrainedModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything a home page needs that does not depend on the profile, precomputed once per (catalog, trending, model)
 * and shared by every request: per maturity ceiling, the visible titles by popularity, by release, and per genre (genres
 * ordered by popularity), and which model items are visible. Immutable.
 */
final class Shelves {

    private static final int CEILINGS = Maturity.values().length;

    private final CatalogSnapshot catalog;
    private final Trending trending;
    private final @Nullable TrainedModel model;
    private final List<List<UUID>> popular = new ArrayList<>();
    private final List<List<UUID>> newReleases = new ArrayList<>();
    private final List<Map<String, List<UUID>>> genres = new ArrayList<>();
    private final boolean[][] visibleItems;

    private Shelves(CatalogSnapshot catalog, Trending trending, @Nullable TrainedModel model) {
        this.catalog = catalog;
        this.trending = trending;
        this.model = model;
        Comparator<TitleView> byPopularity = Comparator.<TitleView>comparingDouble(t -> -trending.score(t.id()))
                .thenComparing(Shelves::published, Comparator.<Instant>reverseOrder())
                .thenComparing(TitleView::name)
                .thenComparing(TitleView::id);
        Comparator<TitleView> byRelease = Comparator.<TitleView, Instant>comparing(
                        Shelves::published, Comparator.reverseOrder())
                .thenComparing(TitleView::year, Comparator.<Integer>reverseOrder())
                .thenComparing(TitleView::name)
                .thenComparing(TitleView::id);
        List<TitleView> all = new ArrayList<>(catalog.all());
        List<TitleView> sortedByPopularity = new ArrayList<>(all);
        sortedByPopularity.sort(byPopularity);
        List<TitleView> sortedByRelease = new ArrayList<>(all);
        sortedByRelease.sort(byRelease);
        visibleItems = new boolean[CEILINGS][];
        for (Maturity ceiling : Maturity.values()) {
            popular.add(sortedByPopularity.stream()
                    .filter(t -> t.visibleUnder(ceiling))
                    .map(TitleView::id)
                    .toList());
            newReleases.add(sortedByRelease.stream()
                    .filter(t -> t.visibleUnder(ceiling))
                    .map(TitleView::id)
                    .toList());
            Map<String, List<UUID>> byGenre = new HashMap<>();
            Map<String, Double> genreScore = new HashMap<>();
            for (TitleView title : sortedByPopularity) {
                if (!title.visibleUnder(ceiling)) {
                    continue;
                }
                for (String genre : title.genres()) {
                    byGenre.computeIfAbsent(genre, g -> new ArrayList<>()).add(title.id());
                    genreScore.merge(genre, trending.score(title.id()), Double::sum);
                }
            }
            List<String> order = new ArrayList<>(byGenre.keySet());
            order.sort(Comparator.<String>comparingDouble(g -> -genreScore.get(g))
                    .thenComparing(g -> -byGenre.get(g).size())
                    .thenComparing(g -> g));
            Map<String, List<UUID>> ordered = new LinkedHashMap<>();
            for (String genre : order) {
                ordered.put(genre, List.copyOf(byGenre.get(genre)));
            }
            genres.add(ordered);
            boolean[] visible = new boolean[model == null ? 0 : model.titles().size()];
            for (int item = 0; item < visible.length; item++) {
                TitleView title = catalog.title(model.title(item));
                visible[item] = title != null && title.visibleUnder(ceiling);
            }
            visibleItems[ceiling.ordinal()] = visible;
        }
    }

    static Shelves of(CatalogSnapshot catalog, Trending trending, @Nullable TrainedModel model) {
        return new Shelves(catalog, trending, model);
    }

    /** Whether these shelves were built from exactly these sources. */
    boolean builtFrom(CatalogSnapshot catalog, Trending trending, @Nullable TrainedModel model) {
        return this.catalog == catalog && this.trending == trending && this.model == model;
    }

    private static Instant published(TitleView title) {
        return title.publishedAt() == null ? Instant.EPOCH : title.publishedAt();
    }

    CatalogSnapshot catalog() {
        return catalog;
    }

    Trending trending() {
        return trending;
    }

    @Nullable
    TrainedModel model() {
        return model;
    }

    /** Visible titles, most popular first. */
    List<UUID> popular(Maturity ceiling) {
        return popular.get(ceiling.ordinal());
    }

    /** Visible titles, most recently published first. */
    List<UUID> newReleases(Maturity ceiling) {
        return newReleases.get(ceiling.ordinal());
    }

    /** Genres with visible titles, most popular genre first, each with its titles most popular first. */
    Map<String, List<UUID>> genres(Maturity ceiling) {
        return genres.get(ceiling.ordinal());
    }

    /** Whether the model's item is a published title visible under the ceiling. */
    boolean visibleItem(Maturity ceiling, int item) {
        boolean[] visible = visibleItems[ceiling.ordinal()];
        return item >= 0 && item < visible.length && visible[item];
    }
}
