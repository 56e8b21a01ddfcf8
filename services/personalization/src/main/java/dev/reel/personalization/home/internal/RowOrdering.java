package dev.reel.personalization.home.internal;

import dev.reel.personalization.home.RowKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Orders rows and keeps the visible part of the page free of repeats. Pure functions over immutable rows.
 *
 * <p>Continue Watching always comes first. In the {@code popularity} cell the other rows keep a fixed order by kind
 * (Top Picks, Because You Watched, Trending, New Releases, genres), each kind in the order it was built. In the {@code
 * model} cell they are ordered by the profile's predicted affinity for the row (the mean model score of its first
 * visible titles), highest first; rows without a score keep their fixed order after the scored ones.
 */
final class RowOrdering {

    private RowOrdering() {}

    static List<Row> fixed(List<Row> rows) {
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt(row -> row.kind().ordinal()));
        return ordered;
    }

    static List<Row> byAffinity(List<Row> rows, ToDoubleFunction<Row> affinity) {
        List<Row> fixed = fixed(rows);
        List<Row> pinned = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        List<Row> unscored = new ArrayList<>();
        for (Row row : fixed) {
            if (row.kind() == RowKind.CONTINUE_WATCHING) {
                pinned.add(row);
                continue;
            }
            double score = affinity.applyAsDouble(row);
            if (Double.isNaN(score)) {
                unscored.add(row);
            } else {
                scored.add(new Scored(row, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Row> ordered = new ArrayList<>(pinned);
        scored.forEach(s -> ordered.add(s.row()));
        ordered.addAll(unscored);
        return ordered;
    }

    private record Scored(Row row, double score) {}

    /**
     * Rows in the same order, each trimmed to {@code rowSize}, such that no title appears twice within the first
     * {@code visible} positions of all rows together and no title twice in one row. A row's visible part skips titles
     * an earlier row already shows in its visible part; later positions may repeat them.
     */
    static List<Row> dedupe(List<Row> rows, int visible, int rowSize) {
        Set<UUID> claimed = new HashSet<>();
        List<Row> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            LinkedHashSet<UUID> inRow = new LinkedHashSet<>();
            List<Candidate> kept = new ArrayList<>();
            List<Candidate> deferred = new ArrayList<>();
            for (Candidate candidate : row.candidates()) {
                if (kept.size() >= rowSize) {
                    break;
                }
                if (inRow.contains(candidate.titleId())) {
                    continue;
                }
                if (kept.size() < visible && claimed.contains(candidate.titleId())) {
                    deferred.add(candidate);
                    continue;
                }
                inRow.add(candidate.titleId());
                kept.add(candidate);
            }
            // Titles held back from the visible part may still fill the row's tail.
            for (Candidate candidate : deferred) {
                if (kept.size() >= rowSize) {
                    break;
                }
                if (kept.size() >= visible && inRow.add(candidate.titleId())) {
                    kept.add(candidate);
                }
            }
            for (int i = 0; i < Math.min(visible, kept.size()); i++) {
                claimed.add(kept.get(i).titleId());
            }
            result.add(row.withCandidates(kept));
        }
        return result;
    }
}
