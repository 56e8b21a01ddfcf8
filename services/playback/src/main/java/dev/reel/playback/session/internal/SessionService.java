package dev.reel.playback.session.internal;

import dev.reel.events.Topics;
import dev.reel.events.playback.PlaybackHeartbeat;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.events.playback.PlaybackStopped;
import dev.reel.kit.events.Outbox;
import dev.reel.kit.profile.ViewerProfile;
import dev.reel.kit.profile.ViewerProfiles;
import dev.reel.kit.security.Callers;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import dev.reel.playback.PlaybackProperties;
import dev.reel.playback.edge.EdgeSteering;
import dev.reel.playback.edge.EdgeTarget;
import dev.reel.playback.edge.EdgeUrls;
import dev.reel.playback.session.HeartbeatRequest;
import dev.reel.playback.session.HeartbeatResponse;
import dev.reel.playback.session.LiveSession;
import dev.reel.playback.session.PlaybackSession;
import dev.reel.playback.session.SessionProblems;
import dev.reel.playback.session.SessionSummary;
import dev.reel.playback.session.Sessions;
import dev.reel.playback.session.StartSessionRequest;
import dev.reel.playback.session.StartedSession;
import dev.reel.playback.session.StopRequest;
import dev.reel.playback.stream.Device;
import dev.reel.playback.stream.DevicePolicy;
import dev.reel.playback.stream.Rendition;
import dev.reel.playback.stream.StreamProblems;
import dev.reel.playback.stream.Streams;
import dev.reel.playback.title.CatalogTitle;
import dev.reel.playback.title.CatalogTitles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Sessions} over PostgreSQL. A start makes its remote calls (identity, catalog, origin, steering) before any
 * transaction, then, in one short transaction, locks the account's slot row, ends the account's sessions that are past
 * their expiry, counts the live ones, inserts the new session and appends {@code PlaybackStarted} to the outbox.
 */
@Service
class SessionService implements Sessions {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    static final String KEY_SYSTEM = "org.w3.clearkey";
    private static final String BASE = "/api/v1/playback/sessions/";
    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final SessionRepository repository;
    private final ViewerProfiles profiles;
    private final CatalogTitles titles;
    private final Streams streams;
    private final DevicePolicy devicePolicy;
    private final EdgeSteering steering;
    private final EdgeUrls edgeUrls;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxStreams;
    private final Duration sessionTimeout;
    private final Duration tokenLifetime;
    private final String heartbeatInterval;

    SessionService(
            SessionRepository repository,
            ViewerProfiles profiles,
            CatalogTitles titles,
            Streams streams,
            DevicePolicy devicePolicy,
            EdgeSteering steering,
            EdgeUrls edgeUrls,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            PlaybackProperties properties) {
        this.repository = repository;
        this.profiles = profiles;
        this.titles = titles;
        this.streams = streams;
        this.devicePolicy = devicePolicy;
        this.steering = steering;
        this.edgeUrls = edgeUrls;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.maxStreams = properties.maxStreams();
        this.sessionTimeout = properties.sessionTimeout();
        this.tokenLifetime = properties.tokenLifetime();
        this.heartbeatInterval = properties.heartbeatInterval().toString();
    }

    // --- start ----------------------------------------------------------------------------------------------------

    @Override
    public StartedSession start(
            StartSessionRequest request,
            @Nullable String headerDeviceClass,
            String clientAddress,
            @Nullable String idempotencyKey) {
        UUID account = Callers.current().accountId();
        String key = idempotencyKey(idempotencyKey);
        if (key != null) {
            Optional<SessionRow> earlier = repository.findByIdempotencyKey(account, key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        Device device = device(request.device(), headerDeviceClass);
        ViewerProfile profile = profiles.resolve(request.profileId());
        CatalogTitle title = titles.published(request.titleId());
        UUID episode = request.episodeId();
        if (episode != null && !title.hasEpisode(episode)) {
            throw SessionProblems.episodeNotFound(title.id(), episode, title.series());
        }
        if (!title.maturity().allowedUnder(profile.ceiling())) {
            throw SessionProblems.maturityRestricted(title.maturity(), profile.ceiling());
        }
        String version = title.originVersion();
        if (!title.playable() || version == null) {
            throw StreamProblems.notPlayable(title.id(), "it has no encoded media yet");
        }
        List<Rendition> renditions = DevicePolicy.allowed(device, streams.renditions(title.id(), version));
        if (renditions.isEmpty()) {
            throw StreamProblems.noPlayableRendition(device);
        }
        List<EdgeTarget> edges = steering.targets(title.id(), clientAddress);
        Instant now = clock.instant();
        var session = new SessionRow(
                UUID.randomUUID(),
                account,
                profile.id(),
                title.id(),
                title.name(),
                version,
                episode,
                title.durationMillis(),
                device,
                renditions,
                edges,
                now.plus(tokenLifetime).truncatedTo(ChronoUnit.SECONDS),
                clientAddress,
                key,
                SessionState.LIVE,
                now,
                now,
                now.plus(sessionTimeout),
                null,
                0);
        SessionRow stored;
        try {
            stored = Objects.requireNonNull(transactions.execute(status -> insertWithinLimit(session)));
        } catch (DuplicateKeyException e) {
            // Only the idempotency index can collide, and the account lock makes even that unlikely.
            SessionRow earlier = repository
                    .findByIdempotencyKey(account, Objects.requireNonNull(key))
                    .orElseThrow(() -> e);
            return replay(earlier, request);
        }
        if (stored != session) {
            return replay(stored, request);
        }
        log.info(
                "session {} started: title {} episode {} version {} for a {} up to {}p, first edge {}",
                session.id(),
                session.titleId(),
                episode,
                version,
                device.deviceClass().label(),
                device.maxHeight(),
                edges.getFirst().id());
        return new StartedSession(view(session), true);
    }

    /** Runs in the start transaction; returns the earlier session when the idempotency key is already taken. */
    private SessionRow insertWithinLimit(SessionRow session) {
        UUID account = session.accountId();
        repository.lockAccount(account);
        if (session.idempotencyKey() != null) {
            Optional<SessionRow> earlier = repository.findByIdempotencyKey(account, session.idempotencyKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = session.startedAt();
        for (SessionRow due : repository.dueOf(account, now)) {
            end(due, SessionState.EXPIRED, now, due.positionMillis());
        }
        List<SessionRow> live = repository.liveOf(account, now);
        if (live.size() >= maxStreams) {
            throw SessionProblems.tooManyStreams(
                    maxStreams, live.stream().map(SessionService::summary).toList());
        }
        repository.insert(session);
        int tallest = session.renditions().stream()
                .mapToInt(Rendition::height)
                .max()
                .orElse(session.device().maxHeight());
        outbox.append(
                Topics.PLAYBACK_SESSIONS,
                new PlaybackStarted(
                        UUID.randomUUID(),
                        now,
                        PlaybackStarted.SCHEMA_VERSION,
                        session.id(),
                        account,
                        session.profileId(),
                        session.titleId(),
                        session.originVersion(),
                        session.device().deviceClass().label(),
                        tallest,
                        session.edges().getFirst().id(),
                        session.episodeId(),
                        session.durationMillis()));
        return session;
    }

    private StartedSession replay(SessionRow earlier, StartSessionRequest request) {
        if (!earlier.profileId().equals(request.profileId())
                || !earlier.titleId().equals(request.titleId())
                || !Objects.equals(earlier.episodeId(), request.episodeId())) {
            throw SessionProblems.idempotencyKeyReused();
        }
        return new StartedSession(view(earlier), false);
    }

    private Device device(StartSessionRequest.@Nullable Device declared, @Nullable String headerDeviceClass) {
        try {
            return declared == null
                    ? devicePolicy.resolve(null, headerDeviceClass, null, null)
                    : devicePolicy.resolve(
                            declared.deviceClass(), headerDeviceClass, declared.maxHeight(), declared.codecs());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static @Nullable String idempotencyKey(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        if (key.length() > MAX_IDEMPOTENCY_KEY) {
            throw ProblemException.badRequest("Idempotency-Key must be at most " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return key;
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    @Override
    public PlaybackSession get(UUID sessionId) {
        return view(own(sessionId));
    }

    @Override
    public Page<SessionSummary> live(PageRequest page) {
        UUID account = Callers.current().accountId();
        Instant now = clock.instant();
        long total = repository.countLive(account, now);
        List<SessionSummary> items = repository.livePage(account, now, page.page() * page.size(), page.size()).stream()
                .map(SessionService::summary)
                .toList();
        return Page.of(items, page, total);
    }

    @Override
    public String hlsManifest(UUID sessionId) {
        SessionRow session = ownLive(sessionId);
        EdgeTarget first = session.edges().getFirst();
        return streams.hlsManifest(
                session.titleId(), session.originVersion(), session.device(), baseUrl(session, first));
    }

    @Override
    public String dashManifest(UUID sessionId) {
        SessionRow session = ownLive(sessionId);
        List<Streams.EdgeBase> bases = new ArrayList<>();
        for (EdgeTarget edge : session.edges()) {
            bases.add(new Streams.EdgeBase(edge.id(), baseUrl(session, edge)));
        }
        return streams.dashManifest(session.titleId(), session.originVersion(), session.device(), bases);
    }

    @Override
    public LiveSession requireLive(UUID sessionId) {
        SessionRow session = ownLive(sessionId);
        return new LiveSession(session.id(), session.accountId(), session.titleId(), session.originVersion());
    }

    // --- heartbeat and stop ---------------------------------------------------------------------------------------

    @Override
    public HeartbeatResponse heartbeat(UUID sessionId, HeartbeatRequest request) {
        UUID account = Callers.current().accountId();
        HeartbeatOutcome outcome = Objects.requireNonNull(transactions.execute(status -> {
            SessionRow session = repository
                    .findForUpdate(sessionId)
                    .filter(row -> row.accountId().equals(account))
                    .orElse(null);
            if (session == null) {
                return HeartbeatOutcome.NOT_FOUND;
            }
            Instant now = clock.instant();
            if (session.state() != SessionState.LIVE) {
                return HeartbeatOutcome.ENDED;
            }
            if (!session.isLiveAt(now)) {
                // Past its expiry but not swept yet: end it now, as the sweeper would.
                end(session, SessionState.EXPIRED, now, session.positionMillis());
                return HeartbeatOutcome.ENDED;
            }
            long position = orZero(request.positionMillis());
            Instant expiresAt = now.plus(sessionTimeout);
            repository.heartbeat(sessionId, now, expiresAt, position);
            outbox.append(
                    Topics.PLAYBACK_SESSIONS,
                    new PlaybackHeartbeat(
                            UUID.randomUUID(),
                            now,
                            PlaybackHeartbeat.SCHEMA_VERSION,
                            sessionId,
                            account,
                            session.profileId(),
                            session.titleId(),
                            position,
                            orZero(request.bitrateBps()),
                            orZero(request.bufferMillis()),
                            request.rebufferCount() == null ? 0 : request.rebufferCount(),
                            orZero(request.rebufferMillis()),
                            session.episodeId(),
                            session.durationMillis()));
            return HeartbeatOutcome.extended(expiresAt);
        }));
        return switch (outcome.kind()) {
            case NOT_FOUND -> throw SessionProblems.notFound(sessionId);
            case ENDED -> throw SessionProblems.ended(sessionId);
            case EXTENDED -> new HeartbeatResponse(Objects.requireNonNull(outcome.expiresAt()));
        };
    }

    private record HeartbeatOutcome(Kind kind, @Nullable Instant expiresAt) {
        enum Kind {
            NOT_FOUND,
            ENDED,
            EXTENDED
        }

        static final HeartbeatOutcome NOT_FOUND = new HeartbeatOutcome(Kind.NOT_FOUND, null);
        static final HeartbeatOutcome ENDED = new HeartbeatOutcome(Kind.ENDED, null);

        static HeartbeatOutcome extended(Instant expiresAt) {
            return new HeartbeatOutcome(Kind.EXTENDED, expiresAt);
        }
    }

    @Override
    public void stop(UUID sessionId, StopRequest request) {
        UUID account = Callers.current().accountId();
        boolean found = Objects.requireNonNull(transactions.execute(status -> {
            SessionRow session = repository
                    .findForUpdate(sessionId)
                    .filter(row -> row.accountId().equals(account))
                    .orElse(null);
            if (session == null) {
                return false;
            }
            if (session.state() == SessionState.LIVE) {
                Instant now = clock.instant();
                long position = request.positionMillis() == null ? session.positionMillis() : request.positionMillis();
                end(session, session.isLiveAt(now) ? SessionState.STOPPED : SessionState.EXPIRED, now, position);
            }
            return true;
        }));
        if (!found) {
            throw SessionProblems.notFound(sessionId);
        }
    }

    // --- expiry ---------------------------------------------------------------------------------------------------

    /**
     * Ends up to {@code limit} sessions past their expiry, in one transaction, skipping sessions another instance is
     * ending. Runs on the sweeper's thread, without a caller.
     *
     * @return how many sessions it ended
     */
    int expireDue(int limit) {
        return Objects.requireNonNull(transactions.execute(status -> {
            Instant now = clock.instant();
            List<SessionRow> due = repository.claimDue(now, limit);
            for (SessionRow session : due) {
                end(session, SessionState.EXPIRED, now, session.positionMillis());
            }
            return due.size();
        }));
    }

    /** Ends a locked live session and appends {@code PlaybackStopped}; must run in a transaction. */
    private void end(SessionRow session, SessionState state, Instant now, long positionMillis) {
        repository.end(session.id(), state, now, positionMillis);
        outbox.append(
                Topics.PLAYBACK_SESSIONS,
                new PlaybackStopped(
                        UUID.randomUUID(),
                        now,
                        PlaybackStopped.SCHEMA_VERSION,
                        session.id(),
                        session.accountId(),
                        session.profileId(),
                        session.titleId(),
                        positionMillis,
                        state.name(),
                        session.episodeId(),
                        session.durationMillis()));
        log.info("session {} {}", session.id(), state == SessionState.EXPIRED ? "expired" : "stopped");
    }

    // --- views ----------------------------------------------------------------------------------------------------

    private SessionRow own(UUID sessionId) {
        UUID account = Callers.current().accountId();
        return repository
                .find(sessionId)
                .filter(row -> row.accountId().equals(account))
                .orElseThrow(() -> SessionProblems.notFound(sessionId));
    }

    private SessionRow ownLive(UUID sessionId) {
        SessionRow session = own(sessionId);
        if (!session.isLiveAt(clock.instant())) {
            throw SessionProblems.ended(sessionId);
        }
        return session;
    }

    private String baseUrl(SessionRow session, EdgeTarget edge) {
        return edgeUrls.sessionBaseUrl(
                edge, session.titleId(), session.originVersion(), session.id(), session.tokenExpiresAt());
    }

    private PlaybackSession view(SessionRow session) {
        List<PlaybackSession.Edge> edges = new ArrayList<>();
        for (EdgeTarget edge : session.edges()) {
            edges.add(new PlaybackSession.Edge(edge.id(), edge.kind().name(), baseUrl(session, edge)));
        }
        String base = BASE + session.id();
        return new PlaybackSession(
                session.id(),
                session.titleId(),
                session.episodeId(),
                session.profileId(),
                session.originVersion(),
                session.state().name(),
                session.expiresAt(),
                heartbeatInterval,
                session.tokenExpiresAt(),
                new PlaybackSession.Manifests(base + "/manifest.m3u8", base + "/manifest.mpd"),
                edges,
                new PlaybackSession.Licence(base + "/licence", KEY_SYSTEM),
                session.renditions().stream()
                        .map(r -> new PlaybackSession.RenditionView(
                                r.id(), r.width(), r.height(), r.codec(), r.bandwidth()))
                        .toList());
    }

    private static SessionSummary summary(SessionRow session) {
        return new SessionSummary(
                session.id(),
                session.titleId(),
                session.episodeId(),
                session.titleName(),
                session.profileId(),
                session.device().deviceClass().label(),
                session.startedAt(),
                session.expiresAt());
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
