package dev.reel.catalog.title.internal;

import dev.reel.catalog.CatalogProperties;
import dev.reel.catalog.genre.Genre;
import dev.reel.catalog.genre.GenreProblems;
import dev.reel.catalog.genre.Genres;
import dev.reel.catalog.title.Audience;
import dev.reel.catalog.title.Episode;
import dev.reel.catalog.title.EpisodeRequest;
import dev.reel.catalog.title.Season;
import dev.reel.catalog.title.SeasonRequest;
import dev.reel.catalog.title.TitleDetails;
import dev.reel.catalog.title.TitleProblems;
import dev.reel.catalog.title.TitleRequest;
import dev.reel.catalog.title.TitleState;
import dev.reel.catalog.title.TitleSummary;
import dev.reel.catalog.title.TitleType;
import dev.reel.catalog.title.Titles;
import dev.reel.events.Topics;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleUpdated;
import dev.reel.events.encoding.EncodingCompleted;
import dev.reel.kit.events.Outbox;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class TitleService implements Titles {

    private final TitleRepository repository;
    private final MediaRepository media;
    private final Genres genres;
    private final Outbox outbox;
    private final Clock clock;
    private final CatalogProperties.Titles limits;

    TitleService(
            TitleRepository repository,
            MediaRepository media,
            Genres genres,
            Outbox outbox,
            Clock clock,
            CatalogProperties properties) {
        this.repository = repository;
        this.media = media;
        this.genres = genres;
        this.outbox = outbox;
        this.clock = clock;
        this.limits = properties.titles();
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    @Override
    public Page<TitleSummary> list(
            @Nullable String genre, @Nullable TitleState state, Audience audience, PageRequest page) {
        UUID genreId = null;
        if (genre != null && !genre.isBlank()) {
            genreId = genres.find(genre.strip())
                    .orElseThrow(() -> GenreProblems.notFound(genre))
                    .id();
        }
        TitleState effectiveState = state;
        if (!audience.admin()) {
            if (state == TitleState.DRAFT) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "Only admins can list draft titles");
            }
            effectiveState = TitleState.PUBLISHED;
        }
        var browse = new TitleRepository.Browse(genreId, effectiveState, audience.visibleMaturities());
        long total = repository.count(browse);
        List<TitleRow> rows = total == 0 ? List.of() : repository.page(browse, page.offset(), page.size());
        var ids = rows.stream().map(TitleRow::id).toList();
        Map<UUID, List<UUID>> genreIds = repository.genreIds(ids);
        Map<UUID, Genre> genresById = genres.findAll(union(genreIds.values()));
        var artworks = repository.artworks(ids);
        var items = rows.stream()
                .map(row -> new TitleSummary(
                        row.id(),
                        row.type(),
                        row.name(),
                        row.year(),
                        row.runtimeMinutes(),
                        row.maturity().label(),
                        row.state(),
                        row.playable(),
                        resolve(genreIds.getOrDefault(row.id(), List.of()), genresById),
                        List.copyOf(artworks.getOrDefault(row.id(), List.of())),
                        row.publishedAt()))
                .toList();
        return Page.of(items, page, total);
    }

    @Override
    public TitleDetails get(UUID id, Audience audience) {
        TitleRow row = repository.find(id).orElseThrow(() -> TitleProblems.notFound(id));
        if (!audience.sees(row.state(), row.maturity())) {
            throw TitleProblems.notFound(id);
        }
        return details(row);
    }

    // --- writes ---------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public TitleDetails create(TitleRequest request) {
        ValidTitle content = rules().validate(request);
        requireGenres(content.genreIds());
        Instant now = now();
        var row = new TitleRow(
                UUID.randomUUID(),
                content.type(),
                content.name(),
                content.synopsis(),
                content.year(),
                content.runtimeMinutes(),
                content.maturity(),
                TitleState.DRAFT,
                false,
                now,
                now,
                null,
                0);
        repository.insert(row);
        writeChildren(row.id(), content);
        return details(row);
    }

    @Override
    @Transactional
    public TitleDetails update(UUID id, TitleRequest request, @Nullable Long expectedVersion) {
        TitleRow current = repository.lock(id).orElseThrow(() -> TitleProblems.notFound(id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw TitleProblems.stale();
        }
        ValidTitle content = rules().validate(request);
        TitleRules.requireTypeChangeAllowed(current.type(), content.type(), repository.hasSeasons(id));
        requireGenres(content.genreIds());
        TitleRow updated = current.withContent(content, now());
        save(updated, current);
        writeChildren(id, content);
        return announceIfPublished(updated);
    }

    @Override
    @Transactional
    public void delete(UUID id) {
        TitleRow current = repository.lock(id).orElseThrow(() -> TitleProblems.notFound(id));
        if (current.state() == TitleState.PUBLISHED) {
            throw ProblemException.conflict("A published title cannot be deleted; unpublish it first");
        }
        repository.delete(id);
    }

    @Override
    @Transactional
    public TitleDetails publish(UUID id) {
        TitleRow current = repository.lock(id).orElseThrow(() -> TitleProblems.notFound(id));
        if (current.state() == TitleState.PUBLISHED) {
            return details(current);
        }
        TitleRules.requirePublishable(current.type(), repository.episodeCount(id));
        TitleRow published = current.published(now());
        save(published, current);
        TitleDetails details = details(published);
        outbox.append(Topics.CATALOG_TITLES, TitlePublished.of(TitleSnapshots.of(details)));
        return details;
    }

    @Override
    @Transactional
    public TitleDetails unpublish(UUID id) {
        TitleRow current = repository.lock(id).orElseThrow(() -> TitleProblems.notFound(id));
        if (current.state() == TitleState.DRAFT) {
            return details(current);
        }
        TitleRow draft = current.unpublished(now());
        save(draft, current);
        TitleDetails details = details(draft);
        outbox.append(Topics.CATALOG_TITLES, TitleUpdated.of(TitleSnapshots.of(details)));
        return details;
    }

    @Override
    @Transactional
    public Season addSeason(UUID titleId, SeasonRequest request) {
        TitleRow current = repository.lock(titleId).orElseThrow(() -> TitleProblems.notFound(titleId));
        TitleRules.requireSeries(current.type(), "Seasons");
        String name = request.name() == null || request.name().isBlank()
                ? null
                : request.name().strip();
        try {
            repository.insertSeason(titleId, request.number(), name);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("Season " + request.number() + " already exists");
        }
        touch(current);
        return new Season(request.number(), name, List.of());
    }

    @Override
    @Transactional
    public Episode addEpisode(UUID titleId, int seasonNumber, EpisodeRequest request) {
        TitleRow current = repository.lock(titleId).orElseThrow(() -> TitleProblems.notFound(titleId));
        TitleRules.requireSeries(current.type(), "Episodes");
        if (!repository.seasonExists(titleId, seasonNumber)) {
            throw ProblemException.notFound("Title " + titleId + " has no season " + seasonNumber);
        }
        var episode = new Episode(
                UUID.randomUUID(),
                seasonNumber,
                request.number(),
                request.name().strip(),
                request.synopsis() == null ? "" : request.synopsis().strip(),
                request.runtimeMinutes());
        try {
            repository.insertEpisode(titleId, episode);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict(
                    "Episode " + request.number() + " already exists in season " + seasonNumber);
        }
        touch(current);
        return episode;
    }

    // --- reactions to genre changes (called by GenreChanges inside the genre's transaction) ------------------------

    /** Re-announces every published title filed under a renamed genre. */
    @Transactional(propagation = Propagation.MANDATORY)
    void genreRenamed(UUID genreId) {
        for (UUID titleId : repository.titlesInGenre(genreId, TitleState.PUBLISHED)) {
            repository
                    .find(titleId)
                    .ifPresent(row ->
                            outbox.append(Topics.CATALOG_TITLES, TitleUpdated.of(TitleSnapshots.of(details(row)))));
        }
    }

    /** Detaches a genre about to be deleted from every title, re-announcing the published ones. */
    @Transactional(propagation = Propagation.MANDATORY)
    void genreRemoved(UUID genreId) {
        List<UUID> affected = repository.titlesInGenre(genreId, null);
        repository.detachGenre(genreId);
        for (UUID titleId : affected) {
            repository.lock(titleId).ifPresent(this::touch);
        }
    }

    // --- reactions to encoding results (called by EncodingResults, one transaction per event) ----------------------

    /** What applying an encoding result did. */
    enum MediaOutcome {
        /** The title is playable with this media now (a new version, announced if published). */
        APPLIED,
        /** The event was applied before; nothing changed. */
        REDELIVERED,
        /** The title already has media from a later completion; nothing changed. */
        SUPERSEDED,
        /** No such title (never created, or deleted since); nothing changed. */
        UNKNOWN_TITLE
    }

    /**
     * Records {@code encoded} as the title's media and marks the title playable; a movie without a runtime gets the
     * media's. Idempotent per event id, and an older completion never replaces a newer one. A published title is
     * re-announced with {@code TitleUpdated}.
     */
    @Transactional
    MediaOutcome mediaCompleted(EncodedMedia encoded) {
        if (!media.markConsumed(encoded.eventId(), EncodingCompleted.class.getSimpleName())) {
            return MediaOutcome.REDELIVERED;
        }
        TitleRow current = repository.lock(encoded.titleId()).orElse(null);
        if (current == null) {
            return MediaOutcome.UNKNOWN_TITLE;
        }
        var previous = media.find(encoded.titleId());
        if (previous.isPresent()
                && !encoded.completedAt().isAfter(previous.get().completedAt())) {
            return MediaOutcome.SUPERSEDED;
        }
        Integer runtime = current.type() == TitleType.MOVIE && current.runtimeMinutes() == null
                ? Integer.valueOf(encoded.runtimeMinutes())
                : current.runtimeMinutes();
        media.save(encoded);
        TitleRow playable = current.withMedia(runtime, now());
        save(playable, current);
        announceIfPublished(playable);
        return MediaOutcome.APPLIED;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private TitleRules rules() {
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        return new TitleRules(limits.earliestYear(), thisYear + limits.yearsAhead());
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncating keeps responses, events and rows identical.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void requireGenres(List<UUID> genreIds) {
        if (genreIds.isEmpty()) {
            return;
        }
        var known = genres.findAll(genreIds).keySet();
        var unknown = genreIds.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("Unknown genre ids: " + unknown);
        }
    }

    private void writeChildren(UUID titleId, ValidTitle content) {
        try {
            repository.replaceGenres(titleId, content.genreIds());
        } catch (DataIntegrityViolationException e) {
            // A genre was deleted between the existence check and the insert.
            throw ProblemException.unprocessable("Unknown genre ids among " + content.genreIds());
        }
        repository.replaceCast(titleId, content.cast());
        repository.replaceArtworks(titleId, content.artworks());
    }

    private void save(TitleRow next, TitleRow current) {
        if (!repository.update(next, current.version())) {
            // The row is locked, so this only happens if it was deleted under us.
            throw ProblemException.conflict("The title changed concurrently; try again");
        }
    }

    /** Bumps version and update time after a child (season, episode, genre link) changed; announces if published. */
    private void touch(TitleRow current) {
        TitleRow touched = current.touched(now());
        save(touched, current);
        announceIfPublished(touched);
    }

    private TitleDetails announceIfPublished(TitleRow row) {
        TitleDetails details = details(row);
        if (row.state() == TitleState.PUBLISHED) {
            outbox.append(Topics.CATALOG_TITLES, TitleUpdated.of(TitleSnapshots.of(details)));
        }
        return details;
    }

    private TitleDetails details(TitleRow row) {
        List<UUID> genreIds = repository.genreIds(List.of(row.id())).getOrDefault(row.id(), List.of());
        return new TitleDetails(
                row.id(),
                row.type(),
                row.name(),
                row.synopsis(),
                row.year(),
                row.runtimeMinutes(),
                row.maturity().label(),
                row.state(),
                resolve(genreIds, genres.findAll(genreIds)),
                repository.cast(row.id()),
                List.copyOf(repository.artworks(List.of(row.id())).getOrDefault(row.id(), List.of())),
                repository.seasons(row.id()),
                row.playable(),
                media.find(row.id()).map(EncodedMedia::toApi).orElse(null),
                row.createdAt(),
                row.updatedAt(),
                row.publishedAt(),
                row.version());
    }

    private static List<Genre> resolve(List<UUID> ids, Map<UUID, Genre> genresById) {
        return ids.stream().map(genresById::get).filter(Objects::nonNull).toList();
    }

    private static List<UUID> union(Collection<List<UUID>> lists) {
        var all = new HashSet<UUID>();
        lists.forEach(all::addAll);
        return List.copyOf(all);
    }
}
