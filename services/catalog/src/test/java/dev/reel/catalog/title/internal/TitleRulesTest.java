package dev.reel.catalog.title.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.catalog.title.ArtworkKind;
import dev.reel.catalog.title.TitleRequest;
import dev.reel.catalog.title.TitleType;
import dev.reel.events.Maturity;
import dev.reel.kit.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitleRulesTest {

    private final TitleRules rules = new TitleRules(1888, 2031);

    @Test
    void aValidRequestIsTypedTrimmedAndDeduplicated() {
        UUID drama = UUID.randomUUID();
        UUID crime = UUID.randomUUID();
        var request = new TitleRequest(
                "movie",
                "  Heat ",
                " A heist. ",
                1995,
                170,
                "16+",
                List.of(" Al Pacino", "Robert De Niro "),
                List.of(drama, crime, drama),
                List.of(new TitleRequest.ArtworkRequest("boxart", "https://img.example/heat.jpg", 600, 900)));

        ValidTitle title = rules.validate(request);

        assertThat(title.type()).isEqualTo(TitleType.MOVIE);
        assertThat(title.name()).isEqualTo("Heat");
        assertThat(title.synopsis()).isEqualTo("A heist.");
        assertThat(title.maturity()).isEqualTo(Maturity.SIXTEEN_PLUS);
        assertThat(title.cast()).containsExactly("Al Pacino", "Robert De Niro");
        assertThat(title.genreIds()).containsExactly(drama, crime);
        assertThat(title.artworks()).singleElement().satisfies(a -> assertThat(a.kind())
                .isEqualTo(ArtworkKind.BOXART));
    }

    @Test
    void optionalListsMayBeAbsent() {
        ValidTitle title = rules.validate(request("SERIES", 2020, "ALL"));
        assertThat(title.cast()).isEmpty();
        assertThat(title.genreIds()).isEmpty();
        assertThat(title.artworks()).isEmpty();
    }

    @Test
    void yearMustBeWithinTheRange() {
        assertThat(rules.validate(request("MOVIE", 1888, "ALL")).year()).isEqualTo(1888);
        assertThat(rules.validate(request("MOVIE", 2031, "ALL")).year()).isEqualTo(2031);
        assertUnprocessable(() -> rules.validate(request("MOVIE", 1887, "ALL")), "year must be between 1888 and 2031");
        assertUnprocessable(() -> rules.validate(request("MOVIE", 2032, "ALL")), "2032");
    }

    @ParameterizedTest
    @ValueSource(strings = {"21+", "PG-13", "R", "adult", "7"})
    void unknownMaturityLabelsAreRejectedListingTheValidOnes(String label) {
        assertUnprocessable(() -> rules.validate(request("MOVIE", 2000, label)), "ALL, 7+, 13+, 16+, 18+");
    }

    @Test
    void maturityAcceptsLabelsAndNames() {
        assertThat(TitleRules.maturity("13+")).isEqualTo(Maturity.THIRTEEN_PLUS);
        assertThat(TitleRules.maturity("thirteen_plus")).isEqualTo(Maturity.THIRTEEN_PLUS);
    }

    @Test
    void unknownTypeIsRejected() {
        assertUnprocessable(() -> rules.validate(request("DOCUMENTARY", 2000, "ALL")), "MOVIE, SERIES");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ftp://img.example/a.jpg", "javascript:alert(1)", "img/a.jpg", "//cdn.example/a.jpg", "http://"})
    void artworkUrlsMustBeWebOrRootRelative(String url) {
        assertUnprocessable(() -> TitleRules.artworkUrl(url), "artwork url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://img.example/a.jpg", "http://localhost:8080/art/a.png", "/art/heat/boxart.jpg"})
    void webAndRootRelativeArtworkUrlsAreAccepted(String url) {
        assertThat(TitleRules.artworkUrl(url)).isEqualTo(url);
    }

    @Test
    void unknownArtworkKindIsRejected() {
        assertUnprocessable(() -> TitleRules.artworkKind("poster"), "BOXART, HERO, LOGO");
    }

    @Test
    void seasonsAndEpisodesBelongToSeriesOnly() {
        TitleRules.requireSeries(TitleType.SERIES, "Episodes");
        assertUnprocessable(() -> TitleRules.requireSeries(TitleType.MOVIE, "Episodes"), "only be added to a SERIES");
    }

    @Test
    void aSeriesNeedsAnEpisodeToBePublished() {
        TitleRules.requirePublishable(TitleType.MOVIE, 0);
        TitleRules.requirePublishable(TitleType.SERIES, 1);
        assertUnprocessable(() -> TitleRules.requirePublishable(TitleType.SERIES, 0), "at least one episode");
    }

    @Test
    void typeIsFixedOnceThereAreSeasons() {
        TitleRules.requireTypeChangeAllowed(TitleType.SERIES, TitleType.MOVIE, false);
        TitleRules.requireTypeChangeAllowed(TitleType.SERIES, TitleType.SERIES, true);
        assertUnprocessable(
                () -> TitleRules.requireTypeChangeAllowed(TitleType.SERIES, TitleType.MOVIE, true),
                "type cannot change");
    }

    private static TitleRequest request(String type, int year, String maturity) {
        return new TitleRequest(type, "Name", "Synopsis", year, null, maturity, null, null, null);
    }

    private static void assertUnprocessable(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(422);
            assertThat(e.getBody().getDetail()).contains(detail);
        });
    }
}
