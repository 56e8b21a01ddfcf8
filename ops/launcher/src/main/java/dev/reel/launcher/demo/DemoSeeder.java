package dev.reel.launcher.demo;

import dev.reel.launcher.demo.SeedState.ClipState;
import dev.reel.launcher.demo.SeedState.Step;
import dev.reel.launcher.studio.ApiProblemException;
import dev.reel.launcher.studio.Backoff;
import dev.reel.launcher.studio.ConsoleProgress;
import dev.reel.launcher.studio.GatewayClient;
import dev.reel.launcher.studio.Job;
import dev.reel.launcher.studio.Ladder;
import dev.reel.launcher.studio.Profile;
import dev.reel.launcher.studio.ProgressBar;
import dev.reel.launcher.studio.ResumeStore;
import dev.reel.launcher.studio.StudioClient;
import dev.reel.launcher.studio.StudioException;
import dev.reel.launcher.studio.Upload;
import dev.reel.launcher.studio.Uploader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Seeds the demo catalog in the background of {@code reel up}: (a) generates the {@link DemoClip} masters with ffmpeg
 * (cached in {@code <data>/demo/masters/}), (b) creates the genre {@value DemoCatalog#GENRE} and one published movie
 * per master through the catalog API, (c) ingests each master with the {@link Profile#FAST} profile through the same
 * {@link Uploader} as {@code reel ingest}, and (d) waits for the jobs. Every completed step is written to
 * {@code <data>/demo/seed.json} at once, so a seed interrupted by {@code reel down} resumes on the next start without
 * duplicates, and a finished one returns immediately. Progress goes to {@code <data>/logs/demo.log}; one-line
 * summaries, prefixed {@code demo: }, go to the console.
 *
 * <p>Never throws: every failure ends the run with a console line, and the next start tries again (except for clips
 * recorded as {@link Step#FAILED}).
 */
public final class DemoSeeder implements Runnable {

    /** How long the platform may keep answering 502/503 (services still registering) before the seed gives up. */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(3);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);

    /**
     * What the seeder needs.
     *
     * @param dataDirectory the data directory ({@code <data>/demo}, {@code <data>/logs/demo.log},
     *     {@code <data>/run/ingest})
     * @param gateway the gateway's base URI
     * @param adminEmail the bootstrap admin's e-mail
     * @param adminPassword the bootstrap admin's password
     * @param ffmpeg the ffmpeg executable
     */
    public record Settings(Path dataDirectory, URI gateway, String adminEmail, String adminPassword, String ffmpeg) {

        public Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(adminEmail, "adminEmail");
            Objects.requireNonNull(adminPassword, "adminPassword");
            Objects.requireNonNull(ffmpeg, "ffmpeg");
        }

        @Override
        public String toString() {
            return "Settings[dataDirectory=" + dataDirectory + ", gateway=" + gateway + ", adminEmail=" + adminEmail
                    + ", adminPassword=<hidden>, ffmpeg=" + ffmpeg + "]";
        }
    }

    private final Settings settings;
    private final Consumer<String> console;
    private final Duration pollInterval;
    private final Path seedFile;
    private final Path logFile;
    private SeedState state;
    private @Nullable PrintWriter log;

    /**
     * Creates the seeder.
     *
     * @param console receives the one-line summaries (thread-safe: called from the seeding thread)
     */
    public DemoSeeder(Settings settings, Consumer<String> console) {
        this(settings, console, POLL_INTERVAL);
    }

    /** Creates a seeder that polls the jobs every {@code pollInterval}. */
    DemoSeeder(Settings settings, Consumer<String> console, Duration pollInterval) {
        this.settings = settings;
        this.console = console;
        this.pollInterval = pollInterval;
        this.seedFile = seedFile(settings.dataDirectory());
        this.logFile = settings.dataDirectory().resolve("logs").resolve("demo.log");
        this.state = SeedState.initial(DemoClip.keys());
    }

    /** {@code <data>/demo/seed.json}. */
    public static Path seedFile(Path dataDirectory) {
        return dataDirectory.resolve("demo").resolve("seed.json");
    }

    /** The demo line for {@code reel status}, e.g. {@code demo: seeding: 2/4 titles encoded}, if a seed began. */
    public static Optional<String> status(Path dataDirectory) {
        return SeedState.readFrom(seedFile(dataDirectory)).map(s -> "demo: " + s.summary());
    }

    @Override
    public void run() {
        try {
            state = SeedState.readFrom(seedFile).orElse(state).including(DemoClip.keys());
            if (state.finished()) {
                say("catalog " + state.summary());
                return;
            }
            if (!DemoMasters.available(settings.ffmpeg())) {
                say("ffmpeg is not installed, and the demo catalog needs it (e.g. `apt-get install ffmpeg`);"
                        + " Reel runs without demo titles.");
                return;
            }
            openLog();
            say("seeding " + DemoClip.values().length + " demo titles in the background (" + state.summary()
                    + "; details in " + logFile + ")");
            seed();
        } catch (InterruptedException e) {
            note("interrupted; the seed resumes on the next `reel up`");
            Thread.currentThread().interrupt();
        } catch (StudioException e) {
            say("seeding stopped: " + e.getMessage() + " It resumes on the next `reel up`.");
            note("stopped: " + e);
        } catch (IOException | UncheckedIOException e) {
            say("seeding stopped: " + e.getMessage() + ". It resumes on the next `reel up`.");
            note("stopped: " + e);
        } catch (RuntimeException e) {
            say("seeding failed: " + e + " (see " + logFile + ")");
            if (log != null) {
                e.printStackTrace(log);
                log.flush();
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    private void seed() throws IOException, InterruptedException {
        // (a) masters
        var masters = new DemoMasters(
                settings.dataDirectory().resolve("demo").resolve("masters"), settings.ffmpeg(), logFile);
        Map<String, Path> files = new HashMap<>();
        for (DemoClip clip : DemoClip.values()) {
            long begin = System.nanoTime();
            boolean cached = Files.isRegularFile(masters.master(clip));
            files.put(clip.key(), masters.ensure(clip));
            note(
                    cached
                            ? "master " + clip.fileName() + " exists"
                            : String.format(
                                    "generated master %s in %.1f s",
                                    clip.fileName(), (System.nanoTime() - begin) / 1e9));
            save(state.generated(clip.key()));
        }
        try (GatewayClient gateway =
                GatewayClient.withLogin(settings.gateway(), settings.adminEmail(), settings.adminPassword())) {
            patiently("log in", () -> {
                gateway.logIn();
                return true;
            });
            // (b) catalog
            var catalog = new DemoCatalog(gateway);
            UUID genre = state.genreId() != null ? state.genreId() : patiently("create genre", catalog::ensureGenre);
            save(state.withGenre(genre));
            for (DemoClip clip : DemoClip.values()) {
                if (step(clip) == Step.GENERATED) {
                    UUID title = patiently("create title " + clip.title(), () -> catalog.ensureTitle(clip, genre));
                    save(state.titleCreated(clip.key(), title));
                    note("title \"" + clip.title() + "\" is " + title);
                }
                if (step(clip) == Step.TITLE_CREATED) {
                    UUID title = Objects.requireNonNull(state.clip(clip.key()).titleId());
                    patiently("publish " + clip.title(), () -> {
                        catalog.publish(title);
                        return true;
                    });
                    save(state.published(clip.key()));
                }
            }
            // (c) ingest
            var studio = new StudioClient(gateway);
            var uploader = new Uploader(
                    studio,
                    new ResumeStore(settings.dataDirectory().resolve("run").resolve("ingest")),
                    Uploader.DEFAULT_CHUNK_SIZE,
                    Backoff.DEFAULT);
            var progress = new ConsoleProgress(Objects.requireNonNull(log), false, System::nanoTime);
            for (DemoClip clip : DemoClip.values()) {
                if (step(clip) != Step.PUBLISHED) {
                    continue;
                }
                UUID title = Objects.requireNonNull(state.clip(clip.key()).titleId());
                note("uploading " + clip.fileName() + " for \"" + clip.title() + "\"");
                try {
                    Upload upload =
                            uploader.upload(files.get(clip.key()), title, Ladder.PER_TITLE, Profile.FAST, progress);
                    UUID job = upload.jobId();
                    if (job == null) {
                        throw new StudioException("the complete upload " + upload.id() + " reports no job");
                    }
                    save(state.uploaded(clip.key(), job));
                    note("\"" + clip.title() + "\" is encoding as job " + job);
                } catch (ApiProblemException e) {
                    if (e.isTransient()) {
                        throw e;
                    }
                    fail(clip, "upload rejected: " + e.getMessage());
                }
            }
            // (d) jobs
            awaitJobs(studio);
        }
        say("catalog " + state.summary());
    }

    private void awaitJobs(StudioClient studio) throws InterruptedException {
        Map<String, String> lastLine = new HashMap<>();
        while (true) {
            boolean pending = false;
            for (DemoClip clip : DemoClip.values()) {
                ClipState current = state.clip(clip.key());
                if (current.step() != Step.UPLOADED) {
                    continue;
                }
                UUID jobId = Objects.requireNonNull(current.jobId());
                try {
                    Job job = studio.job(jobId);
                    if (job.isDone()) {
                        save(state.encoded(clip.key()));
                        note("\"" + clip.title() + "\" is encoded");
                        say(state.encodedCount() + "/" + state.clips().size() + " titles encoded");
                    } else if (job.isFailed()) {
                        String reason = job.failureReason();
                        fail(clip, "encoding failed: " + (reason != null ? reason : "no reason given"));
                    } else {
                        pending = true;
                        String line = ProgressBar.jobLine(job);
                        if (!line.equals(lastLine.put(clip.key(), line))) {
                            note(clip.key() + ": " + line);
                        }
                    }
                } catch (ApiProblemException e) {
                    if (e.status() == 404) {
                        fail(clip, "job " + jobId + " no longer exists");
                    } else {
                        pending = true;
                        note(clip.key() + ": " + e.getMessage());
                    }
                } catch (StudioException e) {
                    pending = true;
                    note(clip.key() + ": " + e.getMessage());
                }
            }
            if (!pending) {
                return;
            }
            Thread.sleep(pollInterval);
        }
    }

    private void fail(DemoClip clip, String reason) {
        save(state.failed(clip.key(), reason));
        say("\"" + clip.title() + "\" " + reason);
    }

    private Step step(DemoClip clip) {
        return state.clip(clip.key()).step();
    }

    private void save(SeedState next) {
        state = next;
        next.writeTo(seedFile);
    }

    /** Runs {@code call}, retrying transient failures (services still registering) for up to {@link #PATIENCE}. */
    private <T> T patiently(String what, Call<T> call) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return call.run();
            } catch (StudioException e) {
                if (!e.isTransient() || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                note(what + ": " + e.getMessage() + "; retrying");
                Thread.sleep(RETRY_INTERVAL);
            }
        }
    }

    private void openLog() throws IOException {
        Files.createDirectories(logFile.getParent());
        log = new PrintWriter(
                Files.newBufferedWriter(
                        logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true);
    }

    private void say(String line) {
        console.accept("demo: " + line);
        note(line);
    }

    private void note(String line) {
        if (log != null) {
            log.println(Instant.now() + " " + line);
            log.flush();
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws InterruptedException;
    }
}
