package dev.reel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The catalog against real engines: embedded PostgreSQL, a KRaft broker read by a real consumer, and a local HTTP
 * stand-in for the identity service registered in (simple) discovery. Tests share one application and database,
 * so each one makes its own genres and titles; the identity outage runs last.
 */
@SpringBootTest(
        classes = {CatalogApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogIT {

    private static final IdentityStandIn IDENTITY = IdentityStandIn.start();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "catalog");
        TestInfra.registerKafka(registry);
        registry.add("test.identity.port", IDENTITY::port);
    }

    @LocalServerPort
    int port;

    private TestHttp api;
    private final UUID adminAccount = UUID.randomUUID();
    private final UUID memberAccount = UUID.randomUUID();
    private String admin = "";
    private String member = "";

    @BeforeAll
    void setUp() {
        api = new TestHttp(port);
        admin = TestTokens.admin(adminAccount);
        member = TestTokens.member(memberAccount);
    }

    @AfterAll
    void stopIdentity() {
        IDENTITY.close();
    }

    // --- writing and publishing -----------------------------------------------------------------------------------

    @Test
    @Order(1)
    void adminBuildsMoviesAndSeriesAndEachPublishAnnouncesOneSnapshot() {
        JsonNode genre = createGenre("Crime " + suffix());
        String genreId = genre.path("id").asString();
        assertThat(genre.path("slug").asString()).startsWith("crime-");

        var movieResponse = api.post("/api/v1/titles")
                .token(admin)
                .body(title("MOVIE", "Heat " + suffix(), "16+", List.of(genreId)))
                .send();
        JsonNode movie = movieResponse.ok(201);
        assertThat(movieResponse.header("Location"))
                .endsWith("/api/v1/titles/" + movie.path("id").asString());
        assertThat(movieResponse.header("ETag")).isEqualTo("\"0\"");
        assertThat(movie.path("state").asString()).isEqualTo("DRAFT");
        assertThat(movie.path("maturity").asString()).isEqualTo("16+");
        assertThat(movie.path("publishedAt").isNull()).isTrue();
        assertThat(movie.path("genres").get(0).path("id").asString()).isEqualTo(genreId);
        assertThat(movie.path("cast").get(0).asString()).isEqualTo("Al Pacino");
        assertThat(movie.path("artworks").get(0).path("kind").asString()).isEqualTo("BOXART");
        UUID movieId = UUID.fromString(movie.path("id").asString());

        JsonNode series = api.post("/api/v1/titles")
                .token(admin)
                .body(title("SERIES", "The Wire " + suffix(), "18+", List.of(genreId)))
                .send()
                .ok(201);
        UUID seriesId = UUID.fromString(series.path("id").asString());

        // A series needs an episode before it can go out.
        api.post("/api/v1/titles/" + seriesId + "/publish").token(admin).send().problem(422);

        JsonNode season = api.post("/api/v1/titles/" + seriesId + "/seasons")
                .token(admin)
                .body(Map.of("number", 1, "name", "The Target"))
                .send()
                .ok(201);
        assertThat(season.path("number").asInt()).isEqualTo(1);
        api.post("/api/v1/titles/" + seriesId + "/seasons")
                .token(admin)
                .body(Map.of("number", 1))
                .send()
                .problem(409);
        JsonNode episode = api.post("/api/v1/titles/" + seriesId + "/seasons/1/episodes")
                .token(admin)
                .body(Map.of("number", 1, "name", "The Target", "synopsis", "A murder trial.", "runtimeMinutes", 62))
                .send()
                .ok(201);
        assertThat(episode.path("seasonNumber").asInt()).isEqualTo(1);
        api.post("/api/v1/titles/" + seriesId + "/seasons/1/episodes")
                .token(admin)
                .body(Map.of("number", 1, "name", "Again", "runtimeMinutes", 60))
                .send()
                .problem(409);
        api.post("/api/v1/titles/" + seriesId + "/seasons/9/episodes")
                .token(admin)
                .body(Map.of("number", 1, "name", "Nowhere", "runtimeMinutes", 60))
                .send()
                .problem(404);

        // Seasons and episodes belong to series only.
        api.post("/api/v1/titles/" + movieId + "/seasons")
                .token(admin)
                .body(Map.of("number", 1))
                .send()
                .problem(422);
        api.post("/api/v1/titles/" + movieId + "/seasons/1/episodes")
                .token(admin)
                .body(Map.of("number", 1, "name", "No", "runtimeMinutes", 60))
                .send()
                .problem(422);

        JsonNode publishedMovie = api.post("/api/v1/titles/" + movieId + "/publish")
                .token(admin)
                .send()
                .ok(200);
        assertThat(publishedMovie.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(publishedMovie.path("publishedAt").isNull()).isFalse();
        JsonNode publishedSeries = api.post("/api/v1/titles/" + seriesId + "/publish")
                .token(admin)
                .send()
                .ok(200);
        assertThat(publishedSeries
                        .path("seasons")
                        .get(0)
                        .path("episodes")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("The Target");
        // Publishing again is a no-op and announces nothing.
        api.post("/api/v1/titles/" + movieId + "/publish").token(admin).send().ok(200);

        var movieEvents = TitleEvents.forTitle(movieId, 1, EVENT_WAIT);
        assertThat(movieEvents).extracting(TitleEvents.Event::type).containsExactly("TitlePublished");
        JsonNode snapshot = movieEvents.getFirst().title();
        assertThat(snapshot.path("titleId").asString()).isEqualTo(movieId.toString());
        assertThat(snapshot.path("type").asString()).isEqualTo("MOVIE");
        assertThat(snapshot.path("name").asString())
                .isEqualTo(movie.path("name").asString());
        assertThat(snapshot.path("maturity").asString()).isEqualTo("16+");
        assertThat(snapshot.path("published").asBoolean()).isTrue();
        assertThat(snapshot.path("genres").get(0).asString())
                .isEqualTo(genre.path("slug").asString());
        assertThat(snapshot.path("cast").size()).isEqualTo(2);
        assertThat(snapshot.path("artworkUrls").get(0).asString()).isEqualTo("https://img.example/boxart.jpg");
        assertThat(snapshot.path("publishedAt").asString()).isNotBlank();

        assertThat(snapshot.path("episodes").isEmpty()).isTrue();

        // A published series announces every season and episode added to it, episodes ordered by season, number.
        api.post("/api/v1/titles/" + seriesId + "/seasons")
                .token(admin)
                .body(Map.of("number", 2))
                .send()
                .ok(201);
        JsonNode secondSeason = api.post("/api/v1/titles/" + seriesId + "/seasons/2/episodes")
                .token(admin)
                .body(Map.of("number", 1, "name", "Ebb Tide", "runtimeMinutes", 58))
                .send()
                .ok(201);
        api.post("/api/v1/titles/" + seriesId + "/seasons/1/episodes")
                .token(admin)
                .body(Map.of("number", 2, "name", "The Detail", "runtimeMinutes", 59))
                .send()
                .ok(201);
        var seriesEvents = TitleEvents.forTitle(seriesId, 4, EVENT_WAIT);
        assertThat(seriesEvents)
                .extracting(TitleEvents.Event::type)
                .containsExactly("TitlePublished", "TitleUpdated", "TitleUpdated", "TitleUpdated");
        JsonNode first = seriesEvents.getFirst().title().path("episodes");
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.get(0).path("episodeId").asString())
                .isEqualTo(episode.path("id").asString());
        assertThat(first.get(0).path("runtimeMinutes").asInt()).isEqualTo(62);
        JsonNode last = seriesEvents.getLast().title().path("episodes");
        assertThat(last.size()).isEqualTo(3);
        assertThat(List.of(
                        last.get(0).path("seasonNumber").asInt() + "x"
                                + last.get(0).path("number").asInt(),
                        last.get(1).path("seasonNumber").asInt() + "x"
                                + last.get(1).path("number").asInt(),
                        last.get(2).path("seasonNumber").asInt() + "x"
                                + last.get(2).path("number").asInt()))
                .containsExactly("1x1", "1x2", "2x1");
        assertThat(last.get(1).path("name").asString()).isEqualTo("The Detail");
        assertThat(last.get(2).path("episodeId").asString())
                .isEqualTo(secondSeason.path("id").asString());
    }

    @Test
    @Order(2)
    void changesToPublishedTitlesAreAnnouncedAndDraftChangesAreNot() {
        JsonNode genre = createGenre("Thriller " + suffix());
        String genreId = genre.path("id").asString();
        UUID id = createTitle("MOVIE", "Ronin " + suffix(), "16+", List.of(genreId));
        api.put("/api/v1/titles/" + id)
                .token(admin)
                .body(title("MOVIE", "Ronin (draft edit) " + suffix(), "16+", List.of(genreId)))
                .send()
                .ok(200);
        JsonNode published = api.post("/api/v1/titles/" + id + "/publish")
                .token(admin)
                .send()
                .ok(200);
        long version = published.path("version").asLong();

        // Optimistic locking through If-Match.
        api.put("/api/v1/titles/" + id)
                .token(admin)
                .header("If-Match", "\"" + (version - 1) + "\"")
                .body(title("MOVIE", "Stale", "16+", List.of(genreId)))
                .send()
                .problem(412);
        var updated = api.put("/api/v1/titles/" + id)
                .token(admin)
                .header("If-Match", "\"" + version + "\"")
                .body(title("MOVIE", "Ronin", "13+", List.of(genreId)))
                .send();
        assertThat(updated.ok(200).path("version").asLong()).isEqualTo(version + 1);
        assertThat(updated.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");

        // Renaming a genre re-announces its published titles with the new slug.
        JsonNode renamed = api.put("/api/v1/genres/" + genreId)
                .token(admin)
                .body(Map.of("name", "Heist " + suffix()))
                .send()
                .ok(200);

        api.delete("/api/v1/titles/" + id).token(admin).send().problem(409);
        JsonNode draft = api.post("/api/v1/titles/" + id + "/unpublish")
                .token(admin)
                .send()
                .ok(200);
        assertThat(draft.path("state").asString()).isEqualTo("DRAFT");

        var events = TitleEvents.forTitle(id, 4, EVENT_WAIT);
        assertThat(events)
                .extracting(TitleEvents.Event::type)
                .containsExactly("TitlePublished", "TitleUpdated", "TitleUpdated", "TitleUpdated");
        assertThat(events.get(1).title().path("name").asString()).isEqualTo("Ronin");
        assertThat(events.get(1).title().path("maturity").asString()).isEqualTo("13+");
        assertThat(events.get(2).title().path("genres").get(0).asString())
                .isEqualTo(renamed.path("slug").asString());
        assertThat(events.get(3).title().path("published").asBoolean()).isFalse();

        api.delete("/api/v1/titles/" + id).token(admin).send();
        api.get("/api/v1/titles/" + id).token(admin).send().problem(404);
    }

    @Test
    @Order(3)
    void genresAreUniqueIgnoringCaseAndDeletingOneDetachesItFromTitles() {
        String name = "Documentary " + suffix();
        JsonNode genre = createGenre(name);
        api.post("/api/v1/genres")
                .token(admin)
                .body(Map.of("name", name.toUpperCase(java.util.Locale.ROOT)))
                .send()
                .problem(409);
        api.post("/api/v1/genres")
                .token(admin)
                .body(Map.of("name", "!!!"))
                .send()
                .problem(422);
        api.post("/api/v1/genres").token(admin).body(Map.of("name", " ")).send().problem(400);

        String genreId = genre.path("id").asString();
        assertThat(api.get("/api/v1/genres/" + genre.path("slug").asString())
                        .send()
                        .ok(200)
                        .path("id")
                        .asString())
                .isEqualTo(genreId);
        UUID titleId = createTitle("MOVIE", "Free Solo " + suffix(), "ALL", List.of(genreId));
        api.delete("/api/v1/genres/" + genreId).token(admin).send();
        api.get("/api/v1/genres/" + genreId).send().problem(404);
        assertThat(api.get("/api/v1/titles/" + titleId)
                        .token(admin)
                        .send()
                        .ok(200)
                        .path("genres")
                        .size())
                .isZero();
    }

    // --- who may do what ------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void writesAreForAdminsOnly() {
        UUID id = createTitle("MOVIE", "Protected " + suffix(), "ALL", List.of());
        String body = TestHttp.JSON.writeValueAsString(title("MOVIE", "X", "ALL", List.of()));
        var writes = List.of(
                new String[] {"POST", "/api/v1/genres", "{\"name\":\"Nope\"}"},
                new String[] {"PUT", "/api/v1/genres/" + UUID.randomUUID(), "{\"name\":\"Nope\"}"},
                new String[] {"DELETE", "/api/v1/genres/" + UUID.randomUUID(), null},
                new String[] {"POST", "/api/v1/titles", body},
                new String[] {"PUT", "/api/v1/titles/" + id, body},
                new String[] {"DELETE", "/api/v1/titles/" + id, null},
                new String[] {"POST", "/api/v1/titles/" + id + "/publish", null},
                new String[] {"POST", "/api/v1/titles/" + id + "/unpublish", null},
                new String[] {"POST", "/api/v1/titles/" + id + "/seasons", "{\"number\":1}"});
        for (String[] write : writes) {
            call(write).token(member).send().problem(403);
            call(write).send().problem(401);
        }
        // Still a draft, still there.
        assertThat(api.get("/api/v1/titles/" + id)
                        .token(admin)
                        .send()
                        .ok(200)
                        .path("state")
                        .asString())
                .isEqualTo("DRAFT");
    }

    private TestHttp.Call call(String[] write) {
        var call = api.method(write[0], write[1]);
        return write[2] == null ? call : call.body(write[2]);
    }

    // --- public reads ---------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    void anyoneBrowsesPublishedTitlesByGenreWithStablePages() {
        JsonNode genre = createGenre("Noir " + suffix());
        String genreId = genre.path("id").asString();
        List<UUID> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = createTitle("MOVIE", "Noir " + i + " " + suffix(), "13+", List.of(genreId));
            api.post("/api/v1/titles/" + id + "/publish").token(admin).send().ok(200);
            published.add(id);
        }
        UUID draft = createTitle("MOVIE", "Unreleased noir " + suffix(), "13+", List.of(genreId));

        // Newest published first; pages of 2 cover the genre exactly once.
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = api.get("/api/v1/titles?genre=" + genre.path("slug").asString() + "&size=2&page=" + page)
                    .send()
                    .ok(200);
            assertThat(body.path("totalItems").asLong()).isEqualTo(5);
            assertThat(body.path("totalPages").asInt()).isEqualTo(3);
            assertThat(body.path("page").asInt()).isEqualTo(page);
            assertThat(body.path("size").asInt()).isEqualTo(2);
            for (JsonNode item : body.path("items")) {
                seen.add(item.path("id").asString());
                assertThat(item.path("state").asString()).isEqualTo("PUBLISHED");
                assertThat(item.path("genres").get(0).path("slug").asString())
                        .isEqualTo(genre.path("slug").asString());
            }
        }
        assertThat(seen)
                .containsExactlyElementsOf(
                        published.reversed().stream().map(UUID::toString).toList());

        // By genre id as well; members and anonymous callers never see the draft.
        JsonNode byId = api.get("/api/v1/titles?genre=" + genreId + "&size=100")
                .token(member)
                .send()
                .ok(200);
        assertThat(byId.path("totalItems").asLong()).isEqualTo(5);
        api.get("/api/v1/titles/" + draft).send().problem(404);
        api.get("/api/v1/titles/" + draft).token(member).send().problem(404);
        api.get("/api/v1/titles?state=DRAFT").token(member).send().problem(403);

        // Admins see drafts, alone or with the rest.
        assertThat(api.get("/api/v1/titles/" + draft)
                        .token(admin)
                        .send()
                        .ok(200)
                        .path("state")
                        .asString())
                .isEqualTo("DRAFT");
        JsonNode drafts = api.get("/api/v1/titles?state=DRAFT&genre=" + genreId)
                .token(admin)
                .send()
                .ok(200);
        assertThat(drafts.path("totalItems").asLong()).isEqualTo(1);
        assertThat(drafts.path("items").get(0).path("id").asString()).isEqualTo(draft.toString());
        assertThat(api.get("/api/v1/titles?genre=" + genreId)
                        .token(admin)
                        .send()
                        .ok(200)
                        .path("totalItems")
                        .asLong())
                .isEqualTo(6);

        // Genres list is public and paginated.
        JsonNode genres = api.get("/api/v1/genres?size=1").send().ok(200);
        assertThat(genres.path("items").size()).isEqualTo(1);
        assertThat(genres.path("totalItems").asLong()).isGreaterThanOrEqualTo(1);

        api.get("/api/v1/titles?genre=no-such-genre").send().problem(404);
        api.get("/api/v1/titles?size=101").send().problem(400);
        api.get("/api/v1/titles?page=-1").send().problem(400);
    }

    // --- error shapes ---------------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void everyErrorIsAProblem() {
        api.post("/api/v1/titles")
                .token(admin)
                .body("{\"type\": \"MOVIE\", ")
                .send()
                .problem(400);
        JsonNode invalid = api.post("/api/v1/titles")
                .token(admin)
                .body(Map.of("type", "MOVIE", "synopsis", "", "year", 2000, "maturity", "ALL"))
                .send()
                .problem(400);
        assertThat(invalid.toString()).contains("name");

        Map<String, Object> tooOld = title("MOVIE", "Too old", "ALL", List.of());
        tooOld.put("year", 1500);
        assertThat(api.post("/api/v1/titles")
                        .token(admin)
                        .body(tooOld)
                        .send()
                        .problem(422)
                        .path("detail")
                        .asString())
                .contains("year");
        assertThat(api.post("/api/v1/titles")
                        .token(admin)
                        .body(title("MOVIE", "Rated", "21+", List.of()))
                        .send()
                        .problem(422)
                        .path("detail")
                        .asString())
                .contains("7+");
        UUID unknownGenre = UUID.randomUUID();
        assertThat(api.post("/api/v1/titles")
                        .token(admin)
                        .body(title("MOVIE", "Lost", "ALL", List.of(unknownGenre.toString())))
                        .send()
                        .problem(422)
                        .path("detail")
                        .asString())
                .contains(unknownGenre.toString());

        api.get("/api/v1/titles/" + UUID.randomUUID()).send().problem(404);
        api.get("/api/v1/titles/not-a-uuid").send().problem(400);
        api.get("/api/v1/genres/" + UUID.randomUUID()).send().problem(404);
        api.method("PATCH", "/api/v1/titles/" + UUID.randomUUID())
                .token(admin)
                .body("{}")
                .send()
                .problem(405);
        api.post("/api/v1/titles")
                .token(admin)
                .body("type=MOVIE")
                .contentType("text/plain")
                .send()
                .problem(415);
    }

    // --- maturity ceilings from profiles --------------------------------------------------------------------------

    @Test
    @Order(7)
    void theProfileCeilingFiltersListsAndDetails() {
        MaturityShelf shelf = publishMaturityShelf();
        UUID kids = IDENTITY.addProfile(memberAccount, "18+", true);
        UUID teen = IDENTITY.addProfile(memberAccount, "13+", false);
        UUID someoneElses = IDENTITY.addProfile(UUID.randomUUID(), "18+", false);

        assertThat(shelf.visible(null, null))
                .containsExactlyInAnyOrder(shelf.all, shelf.seven, shelf.thirteen, shelf.adult);
        assertThat(shelf.visible(member, kids)).containsExactlyInAnyOrder(shelf.all, shelf.seven);
        assertThat(shelf.visible(member, teen)).containsExactlyInAnyOrder(shelf.all, shelf.seven, shelf.thirteen);

        api.get("/api/v1/titles/" + shelf.adult)
                .token(member)
                .header("X-Profile-Id", kids.toString())
                .send()
                .problem(404);
        api.get("/api/v1/titles/" + shelf.seven)
                .token(member)
                .header("X-Profile-Id", kids.toString())
                .send()
                .ok(200);

        // The profile id is checked against the caller's account by identity, never trusted.
        assertThat(api.get("/api/v1/titles")
                        .token(member)
                        .header("X-Profile-Id", someoneElses.toString())
                        .send()
                        .problem(404)
                        .path("detail")
                        .asString())
                .isEqualTo("profile not found");
        api.get("/api/v1/titles")
                .token(member)
                .header("X-Profile-Id", UUID.randomUUID().toString())
                .send()
                .problem(404);
        api.get("/api/v1/titles").header("X-Profile-Id", kids.toString()).send().problem(401);
        api.get("/api/v1/titles")
                .token(member)
                .header("X-Profile-Id", "kids")
                .send()
                .problem(400);
    }

    @Test
    @Order(8)
    void resolvedCeilingsAreCachedBriefly() throws InterruptedException {
        UUID teen = IDENTITY.addProfile(memberAccount, "13+", false);
        int before = IDENTITY.lookups();
        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/titles?size=1")
                    .token(member)
                    .header("X-Profile-Id", teen.toString())
                    .send()
                    .ok(200);
        }
        assertThat(IDENTITY.lookups() - before).isEqualTo(1);
        Thread.sleep(400); // past the test's 300 ms cache TTL
        api.get("/api/v1/titles?size=1")
                .token(member)
                .header("X-Profile-Id", teen.toString())
                .send()
                .ok(200);
        assertThat(IDENTITY.lookups() - before).isEqualTo(2);
    }

    @Test
    @Order(100)
    void whenIdentityIsDownProfilesDegradeToTheirLastCeilingOrToKidsSafe() throws InterruptedException {
        MaturityShelf shelf = publishMaturityShelf();
        UUID teen = IDENTITY.addProfile(memberAccount, "13+", false);
        UUID neverSeen = IDENTITY.addProfile(memberAccount, "18+", false);
        assertThat(shelf.visible(member, teen)).containsExactlyInAnyOrder(shelf.all, shelf.seven, shelf.thirteen);

        IDENTITY.close();
        Thread.sleep(400); // the short cache expires; only the last known ceiling remains

        assertThat(shelf.visible(member, teen)).containsExactlyInAnyOrder(shelf.all, shelf.seven, shelf.thirteen);
        assertThat(shelf.visible(member, neverSeen)).containsExactlyInAnyOrder(shelf.all, shelf.seven);
        api.get("/api/v1/titles/" + shelf.adult)
                .token(member)
                .header("X-Profile-Id", neverSeen.toString())
                .send()
                .problem(404);
        // Without a profile nothing depends on identity.
        assertThat(shelf.visible(null, null)).hasSize(4);
    }

    /** Four published titles, one per rating, in a genre of their own. */
    private final class MaturityShelf {
        final String genreId;
        final String all;
        final String seven;
        final String thirteen;
        final String adult;

        MaturityShelf(String genreId, String all, String seven, String thirteen, String adult) {
            this.genreId = genreId;
            this.all = all;
            this.seven = seven;
            this.thirteen = thirteen;
            this.adult = adult;
        }

        List<String> visible(@Nullable String token, @Nullable UUID profile) {
            var call = api.get("/api/v1/titles?size=100&genre=" + genreId).token(token);
            if (profile != null) {
                call.header("X-Profile-Id", profile.toString());
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode item : call.send().ok(200).path("items")) {
                ids.add(item.path("id").asString());
            }
            return ids;
        }
    }

    private MaturityShelf publishMaturityShelf() {
        String genreId = createGenre("Shelf " + suffix()).path("id").asString();
        List<String> ids = new ArrayList<>();
        for (String rating : List.of("ALL", "7+", "13+", "18+")) {
            UUID id = createTitle("MOVIE", "Rated " + rating + " " + suffix(), rating, List.of(genreId));
            api.post("/api/v1/titles/" + id + "/publish").token(admin).send().ok(200);
            ids.add(id.toString());
        }
        return new MaturityShelf(genreId, ids.get(0), ids.get(1), ids.get(2), ids.get(3));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private JsonNode createGenre(String name) {
        return api.post("/api/v1/genres")
                .token(admin)
                .body(Map.of("name", name))
                .send()
                .ok(201);
    }

    private UUID createTitle(String type, String name, String maturity, List<String> genreIds) {
        JsonNode title = api.post("/api/v1/titles")
                .token(admin)
                .body(title(type, name, maturity, genreIds))
                .send()
                .ok(201);
        return UUID.fromString(title.path("id").asString());
    }

    private static Map<String, Object> title(String type, String name, String maturity, List<String> genreIds) {
        var title = new LinkedHashMap<String, Object>();
        title.put("type", type);
        title.put("name", name);
        title.put("synopsis", "A synopsis of " + name + ".");
        title.put("year", 1995);
        if (type.equals("MOVIE")) {
            title.put("runtimeMinutes", 170);
        }
        title.put("maturity", maturity);
        title.put("cast", List.of("Al Pacino", "Robert De Niro"));
        title.put("genreIds", genreIds);
        title.put(
                "artworks",
                List.of(Map.of(
                        "kind", "BOXART", "url", "https://img.example/boxart.jpg", "width", 600, "height", 900)));
        return title;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
