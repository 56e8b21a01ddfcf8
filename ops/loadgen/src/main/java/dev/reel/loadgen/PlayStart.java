package dev.reel.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One press of Play by one viewer, as the TV app does it: the home page, a playback session, the master playlist,
 * one variant playlist, its init segment and first media segment from the session's edges, a heartbeat and a stop.
 * The start succeeds when the session was created and the first media segment arrived.
 */
final class PlayStart {

    static final String HOME = "/api/v1/home";
    static final String SESSIONS = "/api/v1/playback/sessions";
    static final String PROFILE_HEADER = "X-Profile-Id";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** How far past the heartbeat's position the stop is sent, in milliseconds. */
    static final long STOP_DELTA = 5_000;

    private static final Map<String, Object> DEVICE = Map.of("class", "tv", "codecs", List.of("avc1"));

    private final Calls calls;
    private final Recorder recorder;

    PlayStart(Calls calls, Recorder recorder) {
        this.calls = calls;
        this.recorder = recorder;
    }

    /**
     * Runs one start; its outcome goes to the recorder. A start cut short by an interrupt (the run is over) or by an
     * unexpected error counts as failed unless it had already succeeded.
     *
     * @throws InterruptedException when interrupted; the outcome has been recorded
     */
    void run(Viewer viewer) throws InterruptedException {
        Outcome outcome = new Outcome();
        try {
            play(viewer, outcome);
        } catch (InterruptedException e) {
            outcome.failed("unfinished when the run ended");
            throw e;
        } catch (RuntimeException e) {
            outcome.failed("client error: " + e.getClass().getSimpleName());
        }
    }

    /** Records a start's outcome once. */
    private final class Outcome {
        private boolean decided;

        void failed(String reason) {
            if (!decided) {
                decided = true;
                recorder.failed(reason);
            }
        }

        void succeeded(long timeToStartMillis) {
            if (!decided) {
                decided = true;
                recorder.succeeded(timeToStartMillis);
            }
        }
    }

    private void play(Viewer viewer, Outcome outcome) throws InterruptedException {
        String leftLive = viewer.liveSession();
        if (leftLive != null) {
            stop(viewer, leftLive, null);
        }
        Map<String, String> asProfile = Map.of(PROFILE_HEADER, viewer.profileId());

        long homeStart = System.nanoTime();
        Calls.Answer home = calls.api(viewer, "GET", HOME, null, asProfile, Calls.Policy.RUN);
        if (home.ok()) {
            recorder.home(millisSince(homeStart));
        } else {
            recorder.homeFailed();
        }

        long position = viewer.nextPosition();
        long sessionStart = System.nanoTime();
        Calls.Answer created = calls.api(
                viewer,
                "POST",
                SESSIONS,
                Map.of("profileId", viewer.profileId(), "titleId", viewer.titleId, "device", DEVICE),
                Map.of(IDEMPOTENCY_HEADER, UUID.randomUUID().toString()),
                Calls.Policy.RUN);
        if (!created.ok()) {
            outcome.failed("session " + created.reason());
            return;
        }
        String sessionId;
        List<String> edges = new ArrayList<>();
        try {
            JsonNode session = created.json();
            sessionId = session.path("sessionId").asString("");
            session.path("edges").forEach(edge -> {
                String base = edge.path("baseUrl").asString("");
                if (!base.isBlank()) {
                    edges.add(base);
                }
            });
        } catch (JacksonException e) {
            outcome.failed("session answer is not JSON");
            return;
        }
        if (sessionId.isBlank() || edges.isEmpty()) {
            outcome.failed("session answer without sessionId or edges");
            return;
        }
        viewer.started(sessionId);

        Optional<String> failure = firstSegment(viewer, new EdgeWalk(edges));
        if (failure.isPresent()) {
            outcome.failed(failure.get());
        } else {
            outcome.succeeded(millisSince(sessionStart));
        }

        // A failed heartbeat is counted under errors; the stop below still ends the session with its position.
        calls.api(
                viewer,
                "POST",
                SESSIONS + "/" + sessionId + "/heartbeat",
                Map.of(
                        "positionMillis", position,
                        "bitrateBps", 400_000,
                        "bufferMillis", 4_000,
                        "rebufferCount", 0,
                        "rebufferMillis", 0),
                Map.of(),
                Calls.Policy.RUN);
        stop(viewer, sessionId, position + STOP_DELTA);
    }

    /** Streams up to the first media segment; empty on success, else the reason the start failed. */
    private Optional<String> firstSegment(Viewer viewer, EdgeWalk walk) throws InterruptedException {
        String masterPath = "master.m3u8";
        Calls.Answer master = calls.edge(viewer, walk, masterPath, Calls.Policy.RUN);
        if (!master.ok()) {
            return Optional.of("master playlist " + master.reason());
        }
        List<String> variants = Playlists.variants(master.text());
        if (variants.isEmpty()) {
            return Optional.of("master playlist without variants");
        }
        String variantPath = walk.relative(masterPath, variants.getFirst());
        Calls.Answer variant = calls.edge(viewer, walk, variantPath, Calls.Policy.RUN);
        if (!variant.ok()) {
            return Optional.of("variant playlist " + variant.reason());
        }
        String media = variant.text();
        Optional<String> init = Playlists.initSegment(media);
        Optional<String> segment = Playlists.firstSegment(media);
        if (segment.isEmpty()) {
            return Optional.of("variant playlist without segments");
        }
        if (init.isPresent()) {
            Calls.Answer initAnswer =
                    calls.edge(viewer, walk, walk.relative(variantPath, init.get()), Calls.Policy.RUN);
            if (!initAnswer.ok()) {
                return Optional.of("init segment " + initAnswer.reason());
            }
        }
        Calls.Answer first = calls.edge(viewer, walk, walk.relative(variantPath, segment.get()), Calls.Policy.RUN);
        if (!first.ok()) {
            return Optional.of("media segment " + first.reason());
        }
        return Optional.empty();
    }

    /** Stops a session; a stop with a position the platform accepted becomes the viewer's last stop. */
    private void stop(Viewer viewer, String sessionId, @Nullable Long position) throws InterruptedException {
        Calls.Answer stopped = calls.api(
                viewer,
                "POST",
                SESSIONS + "/" + sessionId + "/stop",
                position == null ? Map.of() : Map.of("positionMillis", position),
                Map.of(),
                Calls.Policy.RUN);
        if (stopped.ok() && position != null) {
            viewer.stopped(new Viewer.StopSent(sessionId, viewer.titleId, position));
        } else if (stopped.ok() || stopped.status() == 404 || stopped.status() == 410) {
            viewer.forget(sessionId);
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
