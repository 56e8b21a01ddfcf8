package dev.reel.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.launcher.demo.SeedState.Step;
import dev.reel.launcher.studio.StudioServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo seed against a server that speaks the catalog, login, upload and job protocol over HTTP, with masters
 * made by the real ffmpeg: every step happens once, an interrupted seed resumes without duplicates, and a finished
 * seed costs nothing.
 */
class DemoSeederIT {

    private static final String PASSWORD = "demo-password-123";

    @TempDir
    static Path shared;

    @TempDir
    Path data;

    private StudioServer server;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void generateMastersOnce() throws Exception {
        assertThat(DemoMasters.available("ffmpeg"))
                .as("ffmpeg must be on the PATH for this test (apt-get install ffmpeg)")
                .isTrue();
        var masters = new DemoMasters(shared.resolve("masters"), "ffmpeg", shared.resolve("demo.log"));
        for (DemoClip clip : DemoClip.values()) {
            masters.ensure(clip);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new StudioServer(PASSWORD);
        Path masters = Files.createDirectories(data.resolve("demo/masters"));
        for (DemoClip clip : DemoClip.values()) {
            Files.copy(shared.resolve("masters").resolve(clip.fileName()), masters.resolve(clip.fileName()));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void seedsEveryClipOnceAndALaterStartIsInstant() throws Exception {
        seeder("ffmpeg").run();

        assertThat(server.genres()).containsValue("Demo").hasSize(1);
        assertThat(server.catalogTitles())
                .extracting(StudioServer.CatalogTitle::name)
                .containsExactlyInAnyOrder("Flat Cartoon", "Test Pattern", "Fractal Zoom", "Film Grain");
        assertThat(server.catalogTitles()).allMatch(StudioServer.CatalogTitle::published);
        assertThat(server.catalogTitles().getFirst().body()).contains("\"type\":\"MOVIE\"", "\"maturity\":\"ALL\"");
        assertThat(server.uploads()).hasSize(4).allSatisfy(upload -> {
            assertThat(upload.profile()).isEqualTo("FAST");
            assertThat(upload.ladder()).isEqualTo("PER_TITLE");
            assertThat(upload.bytes()).isEqualTo(Files.readAllBytes(data.resolve("demo/masters/" + upload.filename())));
        });
        SeedState state = SeedState.readFrom(DemoSeeder.seedFile(data)).orElseThrow();
        assertThat(state.clips()).allMatch(c -> c.step() == Step.ENCODED && c.jobId() != null && c.titleId() != null);
        assertThat(console)
                .contains("demo: 1/4 titles encoded", "demo: 4/4 titles encoded", "demo: catalog ready (4 titles)");
        assertThat(DemoSeeder.status(data)).contains("demo: ready (4 titles)");
        assertThat(Files.readString(data.resolve("logs/demo.log"))).contains("is encoding as job", "upload 100%");

        int requests = server.requests.size();
        int logins = server.logins.get();
        console.clear();
        long begin = System.nanoTime();
        seeder("ffmpeg").run();

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(1));
        assertThat(console).containsExactly("demo: catalog ready (4 titles)");
        assertThat(server.requests).hasSize(requests);
        assertThat(server.logins.get()).isEqualTo(logins);
    }

    @Test
    void anInterruptedSeedResumesWhereItStoppedWithoutDuplicates() throws Exception {
        server.failTitleCreation("Fractal Zoom");
        seeder("ffmpeg").run();

        assertThat(console).anyMatch(line -> line.startsWith("demo: seeding stopped: Unknown genre: test fault"));
        SeedState stopped = SeedState.readFrom(DemoSeeder.seedFile(data)).orElseThrow();
        assertThat(stopped.clips())
                .extracting(SeedState.ClipState::step)
                .containsExactly(Step.PUBLISHED, Step.PUBLISHED, Step.GENERATED, Step.GENERATED);
        assertThat(server.uploads()).isEmpty();
        // The crash window: the catalog has a title that seed.json does not know of yet.
        UUID genre = stopped.genreId();
        UUID unrecorded = server.catalogTitle("Fractal Zoom", genre);

        seeder("ffmpeg").run();

        assertThat(server.genreCreates.get()).isEqualTo(1);
        assertThat(server.titleCreates.get())
                .as("Flat Cartoon, Test Pattern, Film Grain")
                .isEqualTo(3);
        assertThat(server.catalogTitles()).hasSize(4);
        assertThat(server.creates.get()).as("one upload per clip").isEqualTo(4);
        SeedState finished = SeedState.readFrom(DemoSeeder.seedFile(data)).orElseThrow();
        assertThat(finished.clip("fractal-zoom").titleId()).isEqualTo(unrecorded);
        assertThat(finished.finished()).isTrue();
        assertThat(finished.encodedCount()).isEqualTo(4);
    }

    @Test
    void aFailedJobFailsOnlyItsClipAndTheSeedStillFinishes() throws Exception {
        server.script(List.of(
                new StudioServer.Step("ENCODING", 50, 4L, null),
                new StudioServer.Step("FAILED", 50, null, "x264 crashed")));

        seeder("ffmpeg").run();

        SeedState state = SeedState.readFrom(DemoSeeder.seedFile(data)).orElseThrow();
        assertThat(state.finished()).isTrue();
        assertThat(state.failedCount()).isEqualTo(4);
        assertThat(state.clip("film-grain").failure()).isEqualTo("encoding failed: x264 crashed");
        assertThat(console)
                .contains(
                        "demo: \"Film Grain\" encoding failed: x264 crashed",
                        "demo: catalog ready: 0/4 titles encoded, 4 failed");
    }

    @Test
    void withoutFfmpegItSaysSoAndSeedsNothing() {
        seeder(data.resolve("no-such-ffmpeg").toString()).run();

        assertThat(console)
                .singleElement()
                .asString()
                .contains("ffmpeg is not installed, and the demo catalog needs it");
        assertThat(DemoSeeder.seedFile(data)).doesNotExist();
        assertThat(server.requests).isEmpty();
    }

    private DemoSeeder seeder(String ffmpeg) {
        var settings = new DemoSeeder.Settings(data, server.uri(), StudioServer.email(), PASSWORD, ffmpeg);
        return new DemoSeeder(settings, console::add, Duration.ofMillis(20));
    }
}
