package dev.reel.playback.session;

import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/playback/sessions}: start, read, list, heartbeat and stop sessions, and their manifests. Every route
 * needs a member's token and acts on the caller's own sessions only.
 */
@RestController
@RequestMapping("/api/v1/playback/sessions")
class SessionController {

    /** The header the gateway sets from the user agent. */
    static final String DEVICE_CLASS_HEADER = "X-Device-Class";

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    static final MediaType HLS = MediaType.parseMediaType("application/vnd.apple.mpegurl");

    static final MediaType DASH = MediaType.parseMediaType("application/dash+xml");

    /** The play delay players report (Netflix's "play delay"), from pressing Play to the first frame on screen. */
    static final String TIME_TO_FIRST_FRAME = "reel.playback.time.to.first.frame";

    private final Sessions sessions;
    private final Timer timeToFirstFrame;

    SessionController(Sessions sessions, MeterRegistry meters) {
        this.sessions = sessions;
        this.timeToFirstFrame = Timer.builder(TIME_TO_FIRST_FRAME)
                .description("Time from the viewer pressing Play to the first frame on screen, as players report it")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** 201 with the new session, or 200 with the earlier one for a retried {@code Idempotency-Key}. */
    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<PlaybackSession> start(
            @Valid @RequestBody StartSessionRequest request,
            @RequestHeader(name = DEVICE_CLASS_HEADER, required = false) @Nullable String deviceClass,
            @RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) @Nullable String idempotencyKey,
            HttpServletRequest http) {
        StartedSession started = sessions.start(request, deviceClass, ClientAddresses.of(http), idempotencyKey);
        PlaybackSession session = started.session();
        URI location = URI.create("/api/v1/playback/sessions/" + session.sessionId());
        return started.created()
                ? ResponseEntity.created(location).body(session)
                : ResponseEntity.ok().location(location).body(session);
    }

    @GetMapping(produces = "application/json")
    Page<SessionSummary> live(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return sessions.live(PageRequest.of(page, size));
    }

    @GetMapping(path = "/{id}", produces = "application/json")
    PlaybackSession get(@PathVariable UUID id) {
        return sessions.get(id);
    }

    @PostMapping(path = "/{id}/heartbeat", produces = "application/json")
    HeartbeatResponse heartbeat(
            @PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable HeartbeatRequest request) {
        HeartbeatRequest beat = request == null ? new HeartbeatRequest(null, null, null, null, null, null) : request;
        HeartbeatResponse response = sessions.heartbeat(id, beat);
        if (beat.timeToFirstFrameMillis() != null) {
            timeToFirstFrame.record(Duration.ofMillis(beat.timeToFirstFrameMillis()));
        }
        return response;
    }

    @PostMapping("/{id}/stop")
    ResponseEntity<Void> stop(
            @PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable StopRequest request) {
        sessions.stop(id, request == null ? new StopRequest(null) : request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/manifest.m3u8")
    ResponseEntity<String> hls(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(HLS)
                .cacheControl(CacheControl.noStore())
                .body(sessions.hlsManifest(id));
    }

    @GetMapping("/{id}/manifest.mpd")
    ResponseEntity<String> dash(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(DASH)
                .cacheControl(CacheControl.noStore())
                .body(sessions.dashManifest(id));
    }
}
