package dev.reel.loadgen;

import dev.reel.resilience.RetryBudget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Simulates viewers pressing Play against a running Reel, through its gateway, to see how many starts per second it
 * sustains, how long a start takes, and whether viewing events survive the load.
 *
 * <p>A run has three parts. <b>Setup</b>: {@link LoadOptions#viewerCount()} accounts {@code
 * load-<run>-<i>@load.reel.test} are signed up and logged in, each from its own loopback address 127.0.0.(10+i) when
 * the gateway is local (so per-address limits see separate clients), and each viewer gets a playable title (demo
 * titles first). <b>Schedule</b>: a start is due every {@code 1 / startsPerSecond} seconds (open loop) and goes to an
 * idle viewer; with none idle it is an overrun. A start is home, session, the first media segment from the edges, a
 * heartbeat and a stop (see {@link PlayStart}); overload answers are retried within a shared {@link RetryBudget}.
 * <b>Check</b>: after the schedule and the starts still running, viewing gets up to 15 s to show every viewer's last
 * stop position in its bookmark; the rest are lost events.
 */
public final class LoadGenerator {

    /** Retries may add at most this fraction to the requests sent. */
    static final double RETRY_RATIO = 0.1;

    /** Retries allowed per second whatever the traffic. */
    static final int RETRY_MIN_PER_SECOND = 10;

    /** Knobs the tests turn; production uses {@link #DEFAULT}. */
    record Tuning(Duration requestTimeout, Duration catchUp, Duration pollEvery, Duration drain, int setupParallelism) {

        static final Tuning DEFAULT = new Tuning(
                Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofSeconds(60), 4);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private LoadGenerator() {}

    /**
     * Runs the load described by {@code options}, printing what it set up, a progress line every {@link
     * LoadOptions#reportEvery()} and the summary to {@code out}, and writing the summary's JSON to {@link
     * LoadOptions#reportFile()} when one is given. Blocks for about the duration plus setup, draining and the event
     * check (up to 15 s).
     *
     * @return the summary; {@link LoadSummary#ok()} says whether the platform passed
     * @throws IllegalStateException when setup fails: the gateway does not answer, no title is playable, or a viewer
     *     cannot sign up or log in (the message says which and why)
     * @throws UncheckedIOException when the report file cannot be written (the summary was printed)
     * @throws InterruptedException when interrupted; starts in flight are abandoned
     */
    public static LoadSummary run(LoadOptions options, PrintStream out) throws InterruptedException {
        return run(options, out, Tuning.DEFAULT);
    }

    static LoadSummary run(LoadOptions options, PrintStream out, Tuning tuning) throws InterruptedException {
        Recorder recorder = new Recorder();
        RetryBudget budget = new RetryBudget(RETRY_RATIO, RETRY_MIN_PER_SECOND);
        Calls calls = new Calls(options.gateway(), budget, recorder, tuning.requestTimeout());
        List<Viewer> viewers = new ArrayList<>();
        try {
            List<String> titles = playableTitles(calls);
            int count = options.viewerCount();
            String runId = hex(4);
            boolean local = onLoopback(options);
            for (int i = 0; i < count; i++) {
                viewers.add(new Viewer(
                        i,
                        "load-" + runId + "-" + i + "@load.reel.test",
                        password(),
                        local ? loopback(i) : null,
                        titles.get(i % titles.size())));
            }
            out.printf(
                    Locale.ROOT,
                    "load: run %s against %s: %d playable titles (%s)%n",
                    runId,
                    calls.gateway(),
                    titles.size(),
                    String.join(", ", titles.subList(0, Math.min(4, titles.size())))
                            + (titles.size() > 4 ? ", ..." : ""));
            setUp(viewers, calls, tuning.setupParallelism());
            out.printf(
                    Locale.ROOT,
                    "load: %d viewers signed up and logged in as load-%s-N@load.reel.test%s, each on its default profile%n",
                    count,
                    runId,
                    local ? " from 127.0.0.10" + (count > 1 ? "-127.0.0." + (10 + count - 1) : "") : "");
            out.printf(
                    Locale.ROOT,
                    "load: %.2f starts/s for %ds (open loop), retries within a budget of %.0f %% + %d/s%n",
                    options.startsPerSecond(),
                    options.duration().toSeconds(),
                    RETRY_RATIO * 100,
                    RETRY_MIN_PER_SECOND);
            return measure(options, out, tuning, recorder, calls, viewers);
        } finally {
            viewers.forEach(Viewer::close);
            calls.close();
        }
    }

    private static LoadSummary measure(
            LoadOptions options, PrintStream out, Tuning tuning, Recorder recorder, Calls calls, List<Viewer> viewers)
            throws InterruptedException {
        OpenLoop<Viewer> loop = new OpenLoop<>(options.startsPerSecond(), options.duration());
        ConcurrentLinkedQueue<Viewer> idle = new ConcurrentLinkedQueue<>(viewers);
        PlayStart start = new PlayStart(calls, recorder);
        Instant startedAt = Instant.now();
        long begin = System.nanoTime();
        AtomicLong lastReport = new AtomicLong(begin);
        Thread reporter =
                Thread.ofVirtual().name("load-report").start(() -> report(options, out, recorder, begin, lastReport));
        long overruns;
        try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                overruns = loop.run(
                        idle,
                        viewer -> {
                            recorder.attempted();
                            starts.submit(() -> {
                                try {
                                    start.run(viewer);
                                } finally {
                                    idle.add(viewer);
                                }
                                return null;
                            });
                        },
                        System::nanoTime,
                        OpenLoop::sleepUntilNano);
                starts.shutdown();
                if (!starts.awaitTermination(tuning.drain().toMillis(), TimeUnit.MILLISECONDS)) {
                    out.printf(
                            Locale.ROOT,
                            "load: starts still running %ds after the schedule ended; abandoning them%n",
                            tuning.drain().toSeconds());
                }
            } finally {
                starts.shutdownNow();
            }
        } finally {
            reporter.interrupt();
            reporter.join();
        }
        long end = System.nanoTime();
        Recorder.Interval last = recorder.takeInterval();
        if (!last.empty()) {
            out.println(last.line(Duration.ofNanos(end - begin), (end - lastReport.get()) / 1e9));
        }

        out.printf(
                Locale.ROOT,
                "load: waiting up to %ds for viewing to catch up%n",
                tuning.catchUp().toSeconds());
        EventCheck.Result events = EventCheck.run(viewers, calls, tuning.catchUp(), tuning.pollEvery());
        LoadSummary summary = recorder.summary(options, viewers.size(), overruns, events, startedAt, Instant.now());
        out.println("load: summary");
        out.print(summary.describe());
        Path reportFile = options.reportFile();
        if (reportFile != null) {
            write(reportFile, summary);
            out.println("load: report written to " + reportFile);
        }
        return summary;
    }

    private static void report(
            LoadOptions options, PrintStream out, Recorder recorder, long begin, AtomicLong lastReport) {
        try {
            while (true) {
                Thread.sleep(options.reportEvery());
                long now = System.nanoTime();
                Recorder.Interval interval = recorder.takeInterval();
                out.println(interval.line(Duration.ofNanos(now - begin), (now - lastReport.getAndSet(now)) / 1e9));
            }
        } catch (InterruptedException stopped) {
            // the run is over
        }
    }

    /** The playable titles, demo genre first; never empty. */
    static List<String> playableTitles(Calls calls) throws InterruptedException {
        List<String> titles = new ArrayList<>();
        String problem = null;
        for (String path : List.of("/api/v1/titles?genre=demo&size=100", "/api/v1/titles?size=100")) {
            Calls.Answer page = calls.anonymous("GET", path, null, Calls.Policy.QUIET);
            if (!page.ok()) {
                // Before the demo catalog is seeded its genre is a 404.
                if (!(path.contains("genre=demo") && page.status() == 404)) {
                    problem = "GET " + path + ": " + page.reason();
                }
                continue;
            }
            page.json().path("items").forEach(title -> {
                String id = title.path("id").asString("");
                if (title.path("playable").asBoolean(false) && !id.isBlank() && !titles.contains(id)) {
                    titles.add(id);
                }
            });
        }
        if (titles.isEmpty()) {
            throw new IllegalStateException(
                    problem != null
                            ? "cannot list titles at " + calls.gateway() + ": " + problem + " (is Reel up?)"
                            : "no playable titles at " + calls.gateway()
                                    + ": is the demo catalog seeded yet? `reel status` shows `demo: ready`");
        }
        return titles;
    }

    private static void setUp(List<Viewer> viewers, Calls calls, int parallelism) throws InterruptedException {
        Semaphore slots = new Semaphore(parallelism);
        List<Future<@Nullable String>> outcomes = new ArrayList<>();
        try (ExecutorService setup = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Viewer viewer : viewers) {
                outcomes.add(setup.submit(() -> {
                    slots.acquire();
                    try {
                        return setUp(viewer, calls);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (int i = 0; i < outcomes.size(); i++) {
                String failure;
                try {
                    failure = outcomes.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = String.valueOf(e.getCause());
                }
                if (failure != null) {
                    setup.shutdownNow();
                    throw new IllegalStateException("cannot set up " + viewers.get(i) + ": " + failure);
                }
            }
        }
    }

    /** Signs up, logs in and finds the default profile; null when done, else why not. */
    private static @Nullable String setUp(Viewer viewer, Calls calls) throws InterruptedException {
        Calls.Answer signUp = calls.signUp(viewer);
        // A 409 means an earlier attempt of ours got through but its answer was lost: the email is unique to this run.
        if (!signUp.ok() && signUp.status() != 409) {
            return "sign-up answered " + signUp.reason();
        }
        Calls.Answer login = calls.logIn(viewer);
        if (!login.ok() || viewer.token() == null) {
            return "login answered " + login.reason();
        }
        Calls.Answer profiles = calls.api(viewer, "GET", "/api/v1/profiles", null, Map.of(), Calls.Policy.QUIET);
        if (!profiles.ok()) {
            return "GET /api/v1/profiles answered " + profiles.reason();
        }
        var list = profiles.json().has("items") ? profiles.json().get("items") : profiles.json();
        String id = list.path(0).path("id").asString("");
        if (id.isBlank()) {
            return "the account has no profile: " + profiles.text();
        }
        viewer.profileId(id);
        return null;
    }

    /** Whether the gateway is on this machine's IPv4 loopback, so viewers can take addresses of their own. */
    private static boolean onLoopback(LoadOptions options) {
        try {
            InetAddress gateway = InetAddress.getByName(options.gateway().getHost());
            return gateway instanceof Inet4Address && gateway.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Viewer {@code index}'s address: 127.0.0.(10 + index). */
    static InetAddress loopback(int index) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (10 + index)});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String password() {
        return "load " + hex(12);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void write(Path file, LoadSummary summary) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, summary.toJson() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }
}
