package dev.reel.viewing.history.internal;

import dev.reel.events.Maturity;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.viewing.ViewingProperties;
import dev.reel.viewing.history.Bookmark;
import dev.reel.viewing.history.BookmarkView;
import dev.reel.viewing.history.ContinueEntry;
import dev.reel.viewing.history.ContinueItem;
import dev.reel.viewing.history.HistoryItem;
import dev.reel.viewing.history.SessionProgress;
import dev.reel.viewing.history.Viewing;
import dev.reel.viewing.history.ViewingStore;
import dev.reel.viewing.title.Episode;
import dev.reel.viewing.title.TitleInfo;
import dev.reel.viewing.title.Titles;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies playback facts to the {@link ViewingStore} with the {@link WatchPolicy}, and serves the profile's reads.
 *
 * <p>Each fact is applied in one transaction: the event ledger, the (profile, title) lock, the session's progress, the
 * bookmark with its history entry, and the title's Continue Watching entry, recomputed from all the title's bookmarks.
 * Facts of one profile arrive in order on one partition, so they never race each other; a removal through the API
 * takes the same (profile, title) lock.
 */
@Service
class ViewingService implements Viewing {

    /** What applying a fact did. */
    enum Outcome {
        APPLIED,
        /** The event id was applied before. */
        REDELIVERED,
        /** The fact happened at or before the profile removed the title from its history. */
        REMOVED
    }

    private final ViewingStore store;
    private final Titles titles;
    private final WatchPolicy policy;
    private final Clock clock;
    private final int maxContinueEntries;

    ViewingService(ViewingStore store, Titles titles, ViewingProperties properties, Clock clock) {
        this.store = store;
        this.titles = titles;
        this.clock = clock;
        this.maxContinueEntries = properties.continueWatching().maxEntries();
        this.policy = WatchPolicy.builder()
                .watchedFraction(properties.watchedFraction())
                .continueMinFraction(properties.continueWatching().minFraction())
                .continueMinPosition(properties.continueWatching().minPosition())
                .playheadSlack(properties.playheadSlack())
                .build();
    }

    @Transactional
    Outcome apply(Play play) {
        if (!store.markConsumed(play.eventId(), play.kind().name())) {
            return Outcome.REDELIVERED;
        }
        Instant removedAt = store.lockTitle(play.profileId(), play.titleId());
        if (removedAt != null && !play.at().isAfter(removedAt)) {
            return Outcome.REMOVED;
        }
        TitleInfo title = titles.find(play.titleId()).orElse(null);
        long duration = play.durationMillis() > 0
                ? play.durationMillis()
                : title == null ? 0 : title.durationMillis(play.episodeId());
        Bookmark existing = store.bookmark(play.profileId(), play.titleId(), play.episodeId())
                .orElse(null);

        long watchTime = 0;
        SessionProgress previous = store.session(play.sessionId()).orElse(null);
        if (play.kind() == Play.Kind.STARTED) {
            if (previous == null) {
                // The player resumes from the bookmark unless it was watched, when it starts over.
                long from = existing == null || existing.watched() ? 0 : existing.positionMillis();
                store.saveSession(new SessionProgress(play.sessionId(), from, play.at()));
            }
        } else {
            long position = play.positionMillis() == null ? 0 : play.positionMillis();
            watchTime = policy.watchTime(previous, position, play.at());
            if (play.kind() == Play.Kind.STOPPED) {
                store.deleteSession(play.sessionId());
            } else {
                store.saveSession(new SessionProgress(play.sessionId(), position, play.at()));
            }
        }

        Bookmark updated = policy.apply(existing, play, duration, watchTime);
        if (updated.equals(existing)) {
            return Outcome.APPLIED;
        }
        store.saveBookmark(updated, existing);
        Optional<ContinueEntry> entry = policy.continueEntry(store.bookmarks(play.profileId(), play.titleId()), title);
        store.saveContinue(play.profileId(), play.titleId(), entry.orElse(null));
        return Outcome.APPLIED;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ContinueItem> continueWatching(UUID profileId, Maturity ceiling, PageRequest page) {
        List<ContinueEntry> entries = store.continueWatching(profileId, maxContinueEntries);
        Map<UUID, TitleInfo> known =
                titles.findAll(entries.stream().map(ContinueEntry::titleId).toList());
        List<ContinueItem> visible = entries.stream()
                .filter(e -> {
                    TitleInfo title = known.get(e.titleId());
                    return title == null || title.published() && title.allowedUnder(ceiling);
                })
                .map(e -> continueItem(e, known.get(e.titleId())))
                .toList();
        int from = (int) Math.min(page.offset(), visible.size());
        int to = Math.min(from + page.size(), visible.size());
        return Page.of(visible.subList(from, to), page, visible.size());
    }

    @Override
    @Transactional(readOnly = true)
    public Page<HistoryItem> history(UUID profileId, PageRequest page) {
        long total = store.historySize(profileId);
        List<Bookmark> entries =
                page.offset() >= total ? List.of() : store.history(profileId, page.offset(), page.size());
        Map<UUID, TitleInfo> known = titles.findAll(
                entries.stream().map(Bookmark::titleId).distinct().toList());
        return Page.of(
                entries.stream()
                        .map(b -> historyItem(b, known.get(b.titleId())))
                        .toList(),
                page,
                total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BookmarkView> bookmark(UUID profileId, UUID titleId, @Nullable UUID episodeId) {
        return store.bookmark(profileId, titleId, episodeId)
                .map(b -> new BookmarkView(
                        b.titleId(),
                        b.episodeId(),
                        b.positionMillis(),
                        b.durationMillis(),
                        b.watched(),
                        b.updatedAt()));
    }

    @Override
    @Transactional
    public void remove(UUID profileId, UUID titleId) {
        store.lockTitle(profileId, titleId);
        store.removeTitle(profileId, titleId, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static ContinueItem continueItem(ContinueEntry entry, @Nullable TitleInfo title) {
        Episode episode = episode(title, entry.episodeId());
        return new ContinueItem(
                entry.titleId(),
                title == null ? null : title.name(),
                title == null ? null : title.type(),
                entry.episodeId(),
                episode == null ? null : episode.seasonNumber(),
                episode == null ? null : episode.number(),
                episode == null ? null : episode.name(),
                entry.positionMillis(),
                entry.durationMillis(),
                Bookmark.progress(entry.positionMillis(), entry.durationMillis()),
                entry.updatedAt(),
                entry.nextEpisode());
    }

    private static HistoryItem historyItem(Bookmark bookmark, @Nullable TitleInfo title) {
        Episode episode = episode(title, bookmark.episodeId());
        return new HistoryItem(
                bookmark.titleId(),
                title == null ? null : title.name(),
                bookmark.episodeId(),
                episode == null ? null : episode.seasonNumber(),
                episode == null ? null : episode.number(),
                bookmark.positionMillis(),
                bookmark.durationMillis(),
                bookmark.completedAt() != null,
                bookmark.firstWatchedAt(),
                bookmark.updatedAt(),
                bookmark.watchedMillis());
    }

    private static @Nullable Episode episode(@Nullable TitleInfo title, @Nullable UUID episodeId) {
        return title == null || episodeId == null
                ? null
                : title.episode(episodeId).orElse(null);
    }
}
