package dev.reel.viewing.history.internal;

import dev.reel.viewing.history.Bookmark;
import dev.reel.viewing.history.ContinueEntry;
import dev.reel.viewing.history.SessionProgress;
import dev.reel.viewing.title.TitleInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn playback facts into bookmarks, watch time and Continue Watching entries. Immutable; made by
 * {@link #builder()}. Every method is a pure function of its arguments, and applying the same fact twice gives the
 * same result as applying it once.
 */
final class WatchPolicy {

    private final double watchedFraction;
    private final double continueMinFraction;
    private final long continueMinPositionMillis;
    private final Duration playheadSlack;

    private WatchPolicy(Builder builder) {
        this.watchedFraction = builder.watchedFraction;
        this.continueMinFraction = builder.continueMinFraction;
        this.continueMinPositionMillis = builder.continueMinPosition.toMillis();
        this.playheadSlack = builder.playheadSlack;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Whether {@code position} is at or past the watched fraction of a known duration. */
    boolean watched(long positionMillis, long durationMillis) {
        return durationMillis > 0 && positionMillis >= watchedFraction * durationMillis;
    }

    /** Whether a bookmark at {@code position} has gone far enough to be listed in Continue Watching. */
    boolean listed(long positionMillis, long durationMillis) {
        return positionMillis > 0
                && (positionMillis >= continueMinPositionMillis
                        || durationMillis > 0 && positionMillis >= continueMinFraction * durationMillis);
    }

    /**
     * The playback time between a session's previous event and this one: the playhead's advance, never negative (a
     * backwards seek), and at most the wall time between the events plus the playhead slack (a forward seek counts
     * no more). An event not after the previous one counts nothing, so a redelivery or an out-of-order event adds no
     * time.
     */
    long watchTime(@Nullable SessionProgress previous, long positionMillis, Instant at) {
        if (previous == null || !previous.at().isBefore(at)) {
            return 0;
        }
        long advance = positionMillis - previous.positionMillis();
        long cap = Duration.between(previous.at(), at).plus(playheadSlack).toMillis();
        return Math.max(0, Math.min(advance, cap));
    }

    /**
     * The bookmark after {@code play}. A fact older than the bookmark's latest (by event time) never moves the
     * position back; it can only make the first-watched time earlier, add watch time, or fill in an unknown
     * duration.
     *
     * @param existing the bookmark before, null for the first fact of this (profile, title, episode)
     * @param durationMillis the duration to use, already resolved from the event or the catalog; 0 when unknown
     * @param watchTimeMillis from {@link #watchTime}
     */
    Bookmark apply(@Nullable Bookmark existing, Play play, long durationMillis, long watchTimeMillis) {
        Instant at = play.at();
        Long reported = play.positionMillis();
        if (existing == null) {
            long position = reported == null ? 0 : reported;
            boolean watched = watched(position, durationMillis);
            return new Bookmark(
                    play.profileId(),
                    play.titleId(),
                    play.episodeId(),
                    position,
                    durationMillis,
                    watched,
                    at,
                    at,
                    watched ? at : null,
                    watchTimeMillis);
        }
        boolean newer = at.isAfter(existing.updatedAt());
        long duration = durationMillis > 0 && (newer || existing.durationMillis() == 0)
                ? durationMillis
                : existing.durationMillis();
        long position = newer && reported != null ? reported : existing.positionMillis();
        Instant updatedAt = newer ? at : existing.updatedAt();
        boolean watched = watched(position, duration);
        Instant completedAt = existing.completedAt();
        if (reported != null && watched(reported, duration) && (completedAt == null || at.isBefore(completedAt))) {
            completedAt = at;
        }
        if (watched && completedAt == null) {
            completedAt = updatedAt;
        }
        Instant first = at.isBefore(existing.firstWatchedAt()) ? at : existing.firstWatchedAt();
        return new Bookmark(
                existing.profileId(),
                existing.titleId(),
                existing.episodeId(),
                position,
                duration,
                watched,
                updatedAt,
                first,
                completedAt,
                existing.watchedMillis() + watchTimeMillis);
    }

    /**
     * The title's Continue Watching entry from all its bookmarks for one profile: the latest bookmark (by event time)
     * while it is listed and not watched; for a series whose latest episode is watched, the next episode at position 0
     * when the catalog knows one; nothing otherwise (a watched movie, a series' last episode, a bookmark not yet
     * listed).
     *
     * @param title the catalog's title, null when unknown (then no next episode can be found)
     */
    Optional<ContinueEntry> continueEntry(List<Bookmark> bookmarks, @Nullable TitleInfo title) {
        Optional<Bookmark> found = bookmarks.stream()
                .max(Comparator.comparing(Bookmark::updatedAt).thenComparingLong(Bookmark::positionMillis));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Bookmark latest = found.get();
        if (latest.watched()) {
            if (latest.episodeId() == null || title == null) {
                return Optional.empty();
            }
            return title.nextEpisode(latest.episodeId())
                    .map(next -> new ContinueEntry(
                            latest.profileId(),
                            latest.titleId(),
                            next.episodeId(),
                            0,
                            next.runtimeMillis(),
                            true,
                            latest.updatedAt()));
        }
        if (!listed(latest.positionMillis(), latest.durationMillis())) {
            return Optional.empty();
        }
        return Optional.of(new ContinueEntry(
                latest.profileId(),
                latest.titleId(),
                latest.episodeId(),
                latest.positionMillis(),
                latest.durationMillis(),
                false,
                latest.updatedAt()));
    }

    /** Validated settings for a {@link WatchPolicy}; the defaults are the service's defaults. */
    static final class Builder {
        private double watchedFraction = 0.9;
        private double continueMinFraction = 0.01;
        private Duration continueMinPosition = Duration.ofSeconds(30);
        private Duration playheadSlack = Duration.ofSeconds(15);

        private Builder() {}

        /** In (0, 1]. */
        Builder watchedFraction(double value) {
            this.watchedFraction = value;
            return this;
        }

        /** In [0, watched fraction). */
        Builder continueMinFraction(double value) {
            this.continueMinFraction = value;
            return this;
        }

        /** Not negative. */
        Builder continueMinPosition(Duration value) {
            this.continueMinPosition = value;
            return this;
        }

        /** Not negative. */
        Builder playheadSlack(Duration value) {
            this.playheadSlack = value;
            return this;
        }

        /** @throws IllegalArgumentException for a setting out of its range */
        WatchPolicy build() {
            if (!(watchedFraction > 0 && watchedFraction <= 1)) {
                throw new IllegalArgumentException("watched fraction must be in (0, 1], was " + watchedFraction);
            }
            if (!(continueMinFraction >= 0 && continueMinFraction < watchedFraction)) {
                throw new IllegalArgumentException(
                        "continue min fraction must be in [0, " + watchedFraction + "), was " + continueMinFraction);
            }
            if (continueMinPosition.isNegative() || playheadSlack.isNegative()) {
                throw new IllegalArgumentException("continue min position and playhead slack must not be negative");
            }
            return new WatchPolicy(this);
        }
    }
}
