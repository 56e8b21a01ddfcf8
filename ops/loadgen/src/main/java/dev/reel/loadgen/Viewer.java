package dev.reel.loadgen;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * One simulated viewer: an account, its default profile, the title it plays and its own HTTP client, bound to its own
 * loopback address when the gateway is local. A viewer does one start at a time (the open loop hands it out only
 * while idle), so its mutable state needs no locking, only visibility between the virtual threads that run its starts.
 */
final class Viewer {

    /** Stop positions are drawn from this range, in milliseconds, so each session's is distinct. */
    static final long MIN_POSITION = 20_000;

    static final long MAX_POSITION = 600_000;

    /** A new position is at least this far from the viewer's previous one, so a stale bookmark never matches. */
    static final long MIN_POSITION_STEP = 10_000;

    /** A stop the platform accepted: its bookmark should show {@code positionMillis}. */
    record StopSent(String sessionId, String titleId, long positionMillis) {}

    final int index;
    final String email;
    final String password;
    final @Nullable InetAddress local;
    final HttpClient http;
    final String titleId;
    private volatile @Nullable String token;
    private volatile @Nullable String profileId;
    private volatile @Nullable StopSent lastStop;
    private volatile @Nullable String liveSession;
    private volatile long lastPosition = -MAX_POSITION;

    Viewer(int index, String email, String password, @Nullable InetAddress local, String titleId) {
        this.index = index;
        this.email = email;
        this.password = password;
        this.local = local;
        this.titleId = titleId;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (local != null) {
            builder.localAddress(local);
        }
        this.http = builder.build();
    }

    @Nullable
    String token() {
        return token;
    }

    void token(String token) {
        this.token = token;
    }

    String profileId() {
        String id = profileId;
        if (id == null) {
            throw new IllegalStateException("viewer " + index + " has no profile yet");
        }
        return id;
    }

    void profileId(String profileId) {
        this.profileId = profileId;
    }

    /** The stop of this viewer's last session, or null when its last session was not stopped by us. */
    @Nullable
    StopSent lastStop() {
        return lastStop;
    }

    /** A session this viewer started but could not stop yet; the next start stops it first. */
    @Nullable
    String liveSession() {
        return liveSession;
    }

    /**
     * A session of this viewer went live. Until it is stopped, the viewer's bookmark may move with its heartbeats or
     * its expiry, so there is no stop to check.
     */
    void started(String sessionId) {
        liveSession = sessionId;
        lastStop = null;
    }

    /** The session ended without a position of ours (stopped without one, or already gone). */
    void forget(String sessionId) {
        if (sessionId.equals(liveSession)) {
            liveSession = null;
        }
    }

    void stopped(StopSent stop) {
        lastStop = stop;
        liveSession = null;
    }

    /** A random playhead for the next session, far enough from this viewer's previous one. */
    long nextPosition() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long position;
        do {
            position = random.nextLong(MIN_POSITION, MAX_POSITION);
        } while (Math.abs(position - lastPosition) < MIN_POSITION_STEP);
        lastPosition = position;
        return position;
    }

    void close() {
        http.shutdownNow();
    }

    @Override
    public String toString() {
        return "viewer " + index + " (" + email + ")";
    }
}
