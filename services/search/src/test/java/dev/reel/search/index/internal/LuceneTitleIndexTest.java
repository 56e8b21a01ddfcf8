package dev.reel.search.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Maturity;
import dev.reel.search.TestSettings;
import dev.reel.search.index.IndexedTitle;
import dev.reel.search.index.MatchedField;
import dev.reel.search.index.SearchResult;
import dev.reel.search.index.TitleHit;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LuceneTitleIndexTest {

    private final Map<UUID, Double> plays = new ConcurrentHashMap<>();
    private LuceneTitleIndex index;

    private final IndexedTitle heat = title(
            "Heat",
            "A group of professional bank robbers start to feel the heat from police.",
            Maturity.SIXTEEN_PLUS,
            List.of("crime", "thriller"),
            List.of("Al Pacino", "Robert De Niro", "Val Kilmer"));
    private final IndexedTitle godfather = title(
            "The Godfather",
            "The aging patriarch of an organized crime dynasty transfers control to his son.",
            Maturity.EIGHTEEN_PLUS,
            List.of("crime", "drama"),
            List.of("Marlon Brando", "Al Pacino", "James Caan"));
    private final IndexedTitle amelie = title(
            "Amélie",
            "A shy waitress decides to change the lives of those around her for the better.",
            Maturity.THIRTEEN_PLUS,
            List.of("comedy", "romance"),
            List.of("Audrey Tautou"));
    private final IndexedTitle toyStory = title(
            "Toy Story",
            "A cowboy doll is threatened when a new spaceman figure supplants him in a boy's room.",
            Maturity.ALL,
            List.of("animation", "family"),
            List.of("Tom Hanks", "Tim Allen"));
    private final IndexedTitle heatwave = title(
            "Heatwave",
            "A city swelters through a summer of strikes.",
            Maturity.SEVEN_PLUS,
            List.of("documentary"),
            List.of("Nobody Famous"));

    @BeforeEach
    void setUp() {
        index = new LuceneTitleIndex(
                TestSettings.defaults(), (id, at) -> plays.getOrDefault(id, 0.0), Clock.systemUTC());
        for (IndexedTitle title : List.of(heat, godfather, amelie, toyStory, heatwave)) {
            index.put(title);
        }
        index.refresh();
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    @Test
    void anExactNameRanksFirstAndSaysItMatchedOnName() {
        SearchResult result = index.search("heat", Maturity.EIGHTEEN_PLUS, 0, 10);

        assertThat(ids(result.hits())).first().isEqualTo(heat.titleId());
        assertThat(result.hits().getFirst().matchedOn()).contains(MatchedField.NAME, MatchedField.SYNOPSIS);
        assertThat(result.hits().getFirst().name()).isEqualTo("Heat");
        assertThat(result.hits().getFirst().genres()).containsExactly("crime", "thriller");
        assertThat(result.hits().getFirst().maturity()).isEqualTo(Maturity.SIXTEEN_PLUS);
        assertThat(result.hits().getFirst().artworkUrl()).isEqualTo("https://img.example/" + heat.titleId());
    }

    @Test
    void aMisspeltWordFindsTheTitle() {
        assertThat(ids(index.search("godfahter", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .first()
                .isEqualTo(godfather.titleId());
        assertThat(ids(index.search("toy stroy", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .first()
                .isEqualTo(toyStory.titleId());
        // Two edits for a long word, one for a short one.
        assertThat(ids(index.search("pacinno", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .contains(heat.titleId(), godfather.titleId());
        assertThat(index.search("hxxt", Maturity.EIGHTEEN_PLUS, 0, 10).totalHits())
                .isZero();
    }

    @Test
    void shortWordsMustBeExact() {
        // "al" has two letters: no typo allowed, so "ak" finds nothing; "al" finds Al Pacino twice and, as the
        // last word, Tim Allen by prefix.
        assertThat(index.search("ak", Maturity.EIGHTEEN_PLUS, 0, 10).totalHits())
                .isZero();
        assertThat(index.search("al", Maturity.EIGHTEEN_PLUS, 0, 10).totalHits())
                .isEqualTo(3);
    }

    @Test
    void theLastWordIsAPrefix() {
        assertThat(ids(index.search("godf", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .containsExactly(godfather.titleId());
        assertThat(ids(index.search("toy st", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .containsExactly(toyStory.titleId());
        // A prefix of a cast member's name.
        TitleHit brando =
                index.search("bran", Maturity.EIGHTEEN_PLUS, 0, 10).hits().getFirst();
        assertThat(brando.titleId()).isEqualTo(godfather.titleId());
        assertThat(brando.matchedOn()).containsExactly(MatchedField.CAST);
    }

    @Test
    void castGenresAndStemmedSynopsisAreSearched() {
        TitleHit hanks =
                index.search("tom hanks", Maturity.EIGHTEEN_PLUS, 0, 10).hits().getFirst();
        assertThat(hanks.titleId()).isEqualTo(toyStory.titleId());
        // "tom" is also one typo away from "toy" in the name.
        assertThat(hanks.matchedOn()).contains(MatchedField.CAST);

        SearchResult crime = index.search("crime", Maturity.EIGHTEEN_PLUS, 0, 10);
        assertThat(ids(crime.hits())).containsExactlyInAnyOrder(heat.titleId(), godfather.titleId());
        assertThat(crime.hits().getFirst().matchedOn()).contains(MatchedField.GENRE);

        // "robber" finds "robbers" by its stem.
        TitleHit robbery =
                index.search("robber", Maturity.EIGHTEEN_PLUS, 0, 10).hits().getFirst();
        assertThat(robbery.titleId()).isEqualTo(heat.titleId());
        // "robber" is also two typos from "robert" (De Niro).
        assertThat(robbery.matchedOn()).contains(MatchedField.SYNOPSIS);
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(ids(index.search("AMELIE", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .containsExactly(amelie.titleId());
        assertThat(ids(index.search("amélie", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .containsExactly(amelie.titleId());
    }

    @Test
    void everyWordMustMatchButStopWordsAreOptional() {
        assertThat(index.search("heat brando", Maturity.EIGHTEEN_PLUS, 0, 10).totalHits())
                .isZero();
        assertThat(ids(index.search("the toy story", Maturity.EIGHTEEN_PLUS, 0, 10)
                        .hits()))
                .containsExactly(toyStory.titleId());
        assertThat(index.search("?!", Maturity.EIGHTEEN_PLUS, 0, 10).totalHits())
                .isZero();
    }

    @Test
    void titlesAboveTheCeilingAreHidden() {
        assertThat(ids(index.search("pacino", Maturity.SIXTEEN_PLUS, 0, 10).hits()))
                .containsExactly(heat.titleId());
        assertThat(index.search("pacino", Maturity.SEVEN_PLUS, 0, 10).totalHits())
                .isZero();
        assertThat(ids(index.search("heat", Maturity.SEVEN_PLUS, 0, 10).hits())).containsExactly(heatwave.titleId());
        assertThat(index.suggest("god", Maturity.SIXTEEN_PLUS, 8)).isEmpty();
    }

    @Test
    void popularityBreaksATieAndReordersCloseMatches() {
        IndexedTitle twinA = title("Twin Peaks", "", Maturity.ALL, List.of(), List.of());
        IndexedTitle twinB = title("Twin Peaks", "", Maturity.ALL, List.of(), List.of());
        index.put(twinA);
        index.put(twinB);
        index.refresh();
        UUID lessPopular = twinA.titleId().compareTo(twinB.titleId()) < 0 ? twinB.titleId() : twinA.titleId();
        UUID other = lessPopular.equals(twinA.titleId()) ? twinB.titleId() : twinA.titleId();
        // Without plays the smaller id wins the tie.
        assertThat(ids(index.search("twin peaks", Maturity.ALL, 0, 10).hits())).containsExactly(other, lessPopular);

        plays.put(lessPopular, 3.0);
        List<TitleHit> hits = index.search("twin peaks", Maturity.ALL, 0, 10).hits();
        assertThat(ids(hits)).containsExactly(lessPopular, other);
        // score × (1 + 0.15 × ln(1 + 3))
        assertThat(hits.get(0).score() / hits.get(1).score()).isCloseTo(1 + 0.15 * Math.log(4), within());
    }

    @Test
    void popularityDoesNotLiftAWeakMatchAboveAnExactOne() {
        // 20 recent starts: a factor 1 + 0.15 × ln 21 ≈ 1.46 on a prefix match worth 0.4 of an exact one.
        plays.put(heatwave.titleId(), 20.0);

        assertThat(ids(index.search("heat", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .first()
                .isEqualTo(heat.titleId());
    }

    @Test
    void removedAndReplacedTitlesAreSearchedAsTheyAreNow() {
        index.remove(heat.titleId());
        index.remove(UUID.randomUUID());
        index.put(new IndexedTitle(
                godfather.titleId(),
                "MOVIE",
                "The Godfather Part II",
                godfather.synopsis(),
                1974,
                Maturity.EIGHTEEN_PLUS,
                godfather.genres(),
                godfather.cast(),
                null));
        index.refresh();

        assertThat(index.size()).isEqualTo(4);
        assertThat(ids(index.search("heat", Maturity.EIGHTEEN_PLUS, 0, 10).hits()))
                .containsExactly(heatwave.titleId());
        TitleHit updated =
                index.search("godfather", Maturity.EIGHTEEN_PLUS, 0, 10).hits().getFirst();
        assertThat(updated.name()).isEqualTo("The Godfather Part II");
        assertThat(updated.year()).isEqualTo(1974);
        assertThat(updated.artworkUrl()).isNull();
    }

    @Test
    void pagesAreWindowsOfOneRanking() {
        for (int i = 0; i < 25; i++) {
            index.put(title("Sequel " + i, "", Maturity.ALL, List.of(), List.of()));
        }
        index.refresh();

        SearchResult all = index.search("sequel", Maturity.ALL, 0, 25);
        SearchResult second = index.search("sequel", Maturity.ALL, 10, 10);
        SearchResult beyond = index.search("sequel", Maturity.ALL, 30, 10);

        assertThat(all.totalHits()).isEqualTo(25);
        assertThat(second.totalHits()).isEqualTo(25);
        assertThat(ids(second.hits())).isEqualTo(ids(all.hits()).subList(10, 20));
        assertThat(beyond.hits()).isEmpty();
    }

    @Test
    void suggestionsCompleteNamesAndCast() {
        assertThat(names(index.suggest("h", Maturity.EIGHTEEN_PLUS, 8)))
                .containsExactlyInAnyOrder("Heat", "Heatwave", "Toy Story");
        // The completion first; "heat" is one typo from "heatw".
        assertThat(names(index.suggest("heatw", Maturity.EIGHTEEN_PLUS, 8))).startsWith("Heatwave");
        assertThat(names(index.suggest("audrey t", Maturity.EIGHTEEN_PLUS, 8))).containsExactly("Amélie");
        assertThat(names(index.suggest("tyo sto", Maturity.EIGHTEEN_PLUS, 8))).containsExactly("Toy Story");
        assertThat(index.suggest("a", Maturity.EIGHTEEN_PLUS, 1)).hasSize(1);
        // Synopsis words are not suggested.
        assertThat(index.suggest("waitr", Maturity.EIGHTEEN_PLUS, 8)).isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-4);
    }

    private static List<UUID> ids(List<TitleHit> hits) {
        return hits.stream().map(TitleHit::titleId).toList();
    }

    private static List<String> names(List<TitleHit> hits) {
        return hits.stream().map(TitleHit::name).toList();
    }

    private static IndexedTitle title(
            String name, String synopsis, Maturity maturity, List<String> genres, List<String> cast) {
        UUID id = UUID.randomUUID();
        return new IndexedTitle(id, "MOVIE", name, synopsis, 1995, maturity, genres, cast, "https://img.example/" + id);
    }
}
