package dev.reel.viewing.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.viewing.history.Bookmark;
import dev.reel.viewing.history.ContinueEntry;
import dev.reel.viewing.history.SessionProgress;
import dev.reel.viewing.title.Episode;
import dev.reel.viewing.title.TitleInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WatchPolicyTest {

    private static final long MINUTE = 60_000;
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final WatchPolicy policy = WatchPolicy.builder().build();
    private final UUID profile = UUID.randomUUID();
    private final UUID title = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    @Test
    void watchedFromNinetyPercentOfAKnownDuration() {
        assertThat(policy.watched(89 * MINUTE, 100 * MINUTE)).isFalse();
        assertThat(policy.watched(90 * MINUTE, 100 * MINUTE)).isTrue();
        assertThat(policy.watched(90 * MINUTE, 0)).isFalse();
    }

    @Test
    void listedFromThirtySecondsOrOnePercent() {
        assertThat(policy.listed(0, 0)).isFalse();
        assertThat(policy.listed(29_999, 0)).isFalse();
        assertThat(policy.listed(30_000, 0)).isTrue();
        // 1% of an 8 s clip is 80 ms.
        assertThat(policy.listed(79, 8_000)).isFalse();
        assertThat(policy.listed(80, 8_000)).isTrue();
        // 30 s comes before 1% of two hours.
        assertThat(policy.listed(30_000, 120 * MINUTE)).isTrue();
    }

    @Test
    void watchTimeIsThePlayheadAdvanceCappedByWallTimeAndSlack() {
        var previous = new SessionProgress(session, 60_000, T0);
        assertThat(policy.watchTime(null, 10_000, T0)).isZero();
        assertThat(policy.watchTime(previous, 70_000, T0.plusSeconds(10))).isEqualTo(10_000);
        // A forward seek of ten minutes in ten seconds counts ten seconds plus the 15 s slack.
        assertThat(policy.watchTime(previous, 60_000 + 10 * MINUTE, T0.plusSeconds(10)))
                .isEqualTo(25_000);
        // A backwards seek counts nothing.
        assertThat(policy.watchTime(previous, 0, T0.plusSeconds(10))).isZero();
        // A redelivered or out-of-order event counts nothing.
        assertThat(policy.watchTime(previous, 70_000, T0)).isZero();
        assertThat(policy.watchTime(previous, 70_000, T0.minusSeconds(1))).isZero();
    }

    @Test
    void theFirstFactCreatesTheBookmark() {
        Bookmark started = policy.apply(null, play(Play.Kind.STARTED, null, null, T0), 100 * MINUTE, 0);
        assertThat(started.positionMillis()).isZero();
        assertThat(started.durationMillis()).isEqualTo(100 * MINUTE);
        assertThat(started.watched()).isFalse();
        assertThat(started.updatedAt()).isEqualTo(T0);
        assertThat(started.firstWatchedAt()).isEqualTo(T0);
        assertThat(started.completedAt()).isNull();

        Bookmark late = policy.apply(null, play(Play.Kind.HEARTBEAT, null, 95 * MINUTE, T0), 100 * MINUTE, 7);
        assertThat(late.watched()).isTrue();
        assertThat(late.completedAt()).isEqualTo(T0);
        assertThat(late.watchedMillis()).isEqualTo(7);
    }

    @Test
    void newerFactsMoveTheBookmarkAndOlderOnesNeverMoveItBack() {
        Bookmark b = policy.apply(null, play(Play.Kind.STARTED, null, null, T0), 0, 0);
        b = policy.apply(b, play(Play.Kind.HEARTBEAT, null, 20_000L, T0.plusSeconds(20)), 0, 20_000);
        b = policy.apply(b, play(Play.Kind.HEARTBEAT, null, 40_000L, T0.plusSeconds(40)), 0, 20_000);
        assertThat(b.positionMillis()).isEqualTo(40_000);
        assertThat(b.updatedAt()).isEqualTo(T0.plusSeconds(40));

        Bookmark stale = policy.apply(b, play(Play.Kind.HEARTBEAT, null, 30_000L, T0.plusSeconds(30)), 0, 0);
        assertThat(stale).isEqualTo(b);

        Bookmark earlier = policy.apply(b, play(Play.Kind.HEARTBEAT, null, 1_000L, T0.minusSeconds(5)), 0, 0);
        assertThat(earlier.positionMillis()).isEqualTo(40_000);
        assertThat(earlier.updatedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(earlier.firstWatchedAt()).isEqualTo(T0.minusSeconds(5));
    }

    @Test
    void applyingTheSameFactTwiceChangesNothing() {
        Play heartbeat = play(Play.Kind.HEARTBEAT, null, 50 * MINUTE, T0.plusSeconds(60));
        Bookmark once = policy.apply(
                policy.apply(null, play(Play.Kind.STARTED, null, null, T0), 100 * MINUTE, 0),
                heartbeat,
                100 * MINUTE,
                60_000);
        // The second time, watchTime() sees the session already at this event and counts 0.
        assertThat(policy.apply(once, heartbeat, 100 * MINUTE, 0)).isEqualTo(once);
    }

    @Test
    void aStartKeepsThePositionAndARewatchKeepsTheCompletion() {
        Bookmark watched = policy.apply(null, play(Play.Kind.STOPPED, null, 95 * MINUTE, T0), 100 * MINUTE, 0);
        Bookmark restarted =
                policy.apply(watched, play(Play.Kind.STARTED, null, null, T0.plusSeconds(3600)), 100 * MINUTE, 0);
        assertThat(restarted.positionMillis()).isEqualTo(95 * MINUTE);
        assertThat(restarted.watched()).isTrue();
        assertThat(restarted.updatedAt()).isEqualTo(T0.plusSeconds(3600));

        Bookmark rewatch = policy.apply(
                restarted, play(Play.Kind.HEARTBEAT, null, 60_000L, T0.plusSeconds(3660)), 100 * MINUTE, 60_000);
        assertThat(rewatch.positionMillis()).isEqualTo(60_000);
        assertThat(rewatch.watched()).isFalse();
        assertThat(rewatch.completedAt()).isEqualTo(T0);
    }

    @Test
    void aLaterKnownDurationFillsInAnUnknownOne() {
        Bookmark b = policy.apply(null, play(Play.Kind.HEARTBEAT, null, 95 * MINUTE, T0), 0, 0);
        assertThat(b.watched()).isFalse();
        Bookmark known = policy.apply(b, play(Play.Kind.HEARTBEAT, null, 95 * MINUTE, T0), 100 * MINUTE, 0);
        assertThat(known.durationMillis()).isEqualTo(100 * MINUTE);
        assertThat(known.watched()).isTrue();
    }

    @Test
    void aMovieInProgressIsListedAndLeavesOnceWatched() {
        Bookmark tooEarly = bookmark(null, 10_000, 100 * MINUTE, T0);
        assertThat(policy.continueEntry(List.of(tooEarly), null)).isEmpty();

        Bookmark inProgress = bookmark(null, 40 * MINUTE, 100 * MINUTE, T0);
        assertThat(policy.continueEntry(List.of(inProgress), null))
                .contains(new ContinueEntry(profile, title, null, 40 * MINUTE, 100 * MINUTE, false, T0));

        Bookmark watched = bookmark(null, 95 * MINUTE, 100 * MINUTE, T0);
        assertThat(policy.continueEntry(List.of(watched), movie())).isEmpty();
        assertThat(policy.continueEntry(List.of(), movie())).isEmpty();
    }

    @Test
    void aWatchedEpisodeLeadsToTheNextOneAndTheLastOneLeavesTheList() {
        var e1 = new Episode(UUID.randomUUID(), 1, 1, "One", 40);
        var e2 = new Episode(UUID.randomUUID(), 1, 2, "Two", 45);
        var show = new TitleInfo(title, "SERIES", "Show", "13+", null, true, List.of(e1, e2), T0);

        Bookmark first = bookmark(e1.episodeId(), 39 * MINUTE, 40 * MINUTE, T0);
        assertThat(policy.continueEntry(List.of(first), show))
                .contains(new ContinueEntry(profile, title, e2.episodeId(), 0, 45 * MINUTE, true, T0));
        // Without the catalog there is no next episode to offer.
        assertThat(policy.continueEntry(List.of(first), null)).isEmpty();

        // The latest bookmark decides: episode 2 in progress after episode 1 was watched.
        Bookmark second = bookmark(e2.episodeId(), 5 * MINUTE, 45 * MINUTE, T0.plusSeconds(60));
        assertThat(policy.continueEntry(List.of(first, second), show))
                .contains(new ContinueEntry(
                        profile, title, e2.episodeId(), 5 * MINUTE, 45 * MINUTE, false, T0.plusSeconds(60)));

        Bookmark last = bookmark(e2.episodeId(), 44 * MINUTE, 45 * MINUTE, T0.plusSeconds(120));
        assertThat(policy.continueEntry(List.of(first, last), show)).isEmpty();
    }

    @Test
    void theBuilderRejectsSettingsOutOfRange() {
        assertThatThrownBy(() -> WatchPolicy.builder().watchedFraction(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WatchPolicy.builder().watchedFraction(1.1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WatchPolicy.builder()
                        .watchedFraction(0.5)
                        .continueMinFraction(0.5)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WatchPolicy.builder()
                        .playheadSlack(Duration.ofSeconds(-1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TitleInfo movie() {
        return new TitleInfo(title, "MOVIE", "Film", "13+", 100, true, List.of(), T0);
    }

    private Bookmark bookmark(@Nullable UUID episode, long position, long duration, Instant at) {
        boolean watched = policy.watched(position, duration);
        return new Bookmark(profile, title, episode, position, duration, watched, at, at, watched ? at : null, 0);
    }

    private Play play(Play.Kind kind, @Nullable UUID episode, @Nullable Long position, Instant at) {
        return new Play(UUID.randomUUID(), kind, session, profile, title, episode, position, 0, at);
    }
}
