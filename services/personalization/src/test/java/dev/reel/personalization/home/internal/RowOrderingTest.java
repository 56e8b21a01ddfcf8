package dev.reel.personalization.home.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.personalization.home.RowKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowOrderingTest {

    private static final List<UUID> TITLES =
            IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID()).toList();

    private static Row row(String id, RowKind kind, int... titles) {
        return new Row(
                id,
                kind,
                id,
                IntStream.of(titles).mapToObj(i -> Candidate.of(TITLES.get(i))).toList(),
                false);
    }

    @Test
    void noTitleRepeatsWithinTheVisiblePositions() {
        List<Row> rows = List.of(
                row("a", RowKind.TOP_PICKS, 0, 1, 2, 3, 4, 5, 6, 7),
                row("b", RowKind.TRENDING, 0, 1, 8, 9, 10, 11, 12, 13, 2),
                row("c", RowKind.NEW_RELEASES, 8, 0, 14, 15, 16, 17, 18, 19));
        List<Row> deduped = RowOrdering.dedupe(rows, 3, 6);
        Set<UUID> visible = new HashSet<>();
        for (Row row : deduped) {
            assertThat(row.candidates()).hasSizeLessThanOrEqualTo(6);
            for (int i = 0; i < 3; i++) {
                assertThat(visible.add(row.candidates().get(i).titleId())).isTrue();
            }
        }
        // A title held back from b's visible part may still appear later in b.
        assertThat(deduped.get(1).candidates().stream().map(Candidate::titleId))
                .startsWith(TITLES.get(8), TITLES.get(9), TITLES.get(10));
    }

    @Test
    void aRowNeverRepeatsATitle() {
        List<Row> deduped = RowOrdering.dedupe(List.of(row("a", RowKind.TRENDING, 1, 1, 2, 2, 3)), 6, 20);
        assertThat(deduped.getFirst().candidates()).hasSize(3);
    }

    @Test
    void fixedOrderFollowsTheKinds() {
        List<Row> rows = List.of(
                row("genre:drama", RowKind.GENRE, 1),
                row("trending", RowKind.TRENDING, 2),
                row("continue-watching", RowKind.CONTINUE_WATCHING, 3),
                row("top-picks", RowKind.TOP_PICKS, 4));
        assertThat(RowOrdering.fixed(rows).stream().map(Row::id))
                .containsExactly("continue-watching", "top-picks", "trending", "genre:drama");
    }

    @Test
    void affinityOrdersEverythingButContinueWatching() {
        List<Row> rows = new ArrayList<>(List.of(
                row("continue-watching", RowKind.CONTINUE_WATCHING, 3),
                row("top-picks", RowKind.TOP_PICKS, 4),
                row("trending", RowKind.TRENDING, 2),
                row("genre:drama", RowKind.GENRE, 1),
                row("new-releases", RowKind.NEW_RELEASES, 5)));
        Map<String, Double> affinity =
                Map.of("top-picks", 0.5, "trending", 0.2, "genre:drama", 0.9, "new-releases", Double.NaN);
        assertThat(RowOrdering.byAffinity(rows, r -> affinity.getOrDefault(r.id(), 0.0)).stream()
                        .map(Row::id))
                .containsExactly("continue-watching", "genre:drama", "top-picks", "trending", "new-releases");
    }

    @Test
    void genreSlugsBecomeNames() {
        assertThat(HomeService.genreName("science-fiction")).isEqualTo("Science Fiction");
        assertThat(HomeService.genreName("drama")).isEqualTo("Drama");
    }
}
