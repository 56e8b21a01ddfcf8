package dev.reel.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.catalog.EpisodeRef;
import dev.reel.events.catalog.TitlePublished;
import dev.reel.events.catalog.TitleSnapshot;
import dev.reel.events.engagement.ImpressionItem;
import dev.reel.events.engagement.RowImpression;
import dev.reel.events.engagement.TitleClicked;
import dev.reel.events.experiment.ExperimentExposed;
import dev.reel.events.playback.PlaybackHeartbeat;
import dev.reel.events.playback.PlaybackStarted;
import dev.reel.events.playback.PlaybackStopped;
import dev.reel.events.search.SearchPerformed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Records written before a component existed must stay readable: consumers replay old topics. */
class EventJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void oldPlaybackEventsReadWithoutEpisodeAndDuration() {
        PlaybackStarted started = json.readValue("""
                {"eventId":"7f1c0f5e-4b8e-4c3f-9d7a-3b1f2a7c9e01","occurredAt":"2026-11-20T10:00:00Z",
                 "schemaVersion":1,"sessionId":"0b9f7a52-9a8b-4d2c-8f0e-1c2d3e4f5a60",
                 "accountId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","profileId":"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60",
                 "titleId":"3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071","originVersion":"v-1","deviceClass":"tv",
                 "maxHeight":1080,"applianceId":"isp-a"}
                """, PlaybackStarted.class);
        assertThat(started.episodeId()).isNull();
        assertThat(started.durationMillis()).isZero();
        assertThat(started.maxHeight()).isEqualTo(1080);

        PlaybackHeartbeat heartbeat = json.readValue("""
                {"eventId":"7f1c0f5e-4b8e-4c3f-9d7a-3b1f2a7c9e02","occurredAt":"2026-11-20T10:00:10Z",
                 "schemaVersion":1,"sessionId":"0b9f7a52-9a8b-4d2c-8f0e-1c2d3e4f5a60",
                 "accountId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","profileId":"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60",
                 "titleId":"3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071","positionMillis":10000,"bitrateBps":400000,
                 "bufferMillis":8000,"rebufferCount":0,"rebufferMillis":0}
                """, PlaybackHeartbeat.class);
        assertThat(heartbeat.episodeId()).isNull();
        assertThat(heartbeat.durationMillis()).isZero();

        PlaybackStopped stopped = json.readValue("""
                {"eventId":"7f1c0f5e-4b8e-4c3f-9d7a-3b1f2a7c9e03","occurredAt":"2026-11-20T10:00:20Z",
                 "schemaVersion":1,"sessionId":"0b9f7a52-9a8b-4d2c-8f0e-1c2d3e4f5a60",
                 "accountId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","profileId":"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60",
                 "titleId":"3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071","positionMillis":20000,"reason":"STOPPED"}
                """, PlaybackStopped.class);
        assertThat(stopped.episodeId()).isNull();
        assertThat(stopped.durationMillis()).isZero();
    }

    @Test
    void oldTitleSnapshotReadsWithNoEpisodes() {
        TitlePublished published = json.readValue("""
                {"eventId":"7f1c0f5e-4b8e-4c3f-9d7a-3b1f2a7c9e04","occurredAt":"2026-11-20T10:00:00Z","schemaVersion":1,
                 "title":{"titleId":"3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071","type":"SERIES","name":"Dark Water",
                  "synopsis":"","year":2024,"runtimeMinutes":null,"maturity":"13+","genres":["drama"],"cast":["A"],
                  "artworkUrls":[],"published":true,"publishedAt":"2026-11-20T10:00:00Z","playable":false}}
                """, TitlePublished.class);
        assertThat(published.title().episodes()).isEmpty();
        assertThat(published.title().genres()).containsExactly("drama");

        TitlePublished explicitNull = json.readValue("""
                {"eventId":"7f1c0f5e-4b8e-4c3f-9d7a-3b1f2a7c9e05","occurredAt":"2026-11-20T10:00:00Z","schemaVersion":1,
                 "title":{"titleId":"3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071","type":"MOVIE","name":"Dry Land",
                  "synopsis":"","year":2024,"runtimeMinutes":90,"maturity":"ALL","genres":[],"cast":[],
                  "artworkUrls":[],"published":true,"publishedAt":null,"playable":true,"episodes":null}}
                """, TitlePublished.class);
        assertThat(explicitNull.title().episodes()).isEmpty();
    }

    @Test
    void newEventsRoundTrip() {
        UUID account = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        UUID title = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        List<ReelEvent> events = List.of(
                new PlaybackStarted(
                        UUID.randomUUID(),
                        now,
                        PlaybackStarted.SCHEMA_VERSION,
                        UUID.randomUUID(),
                        account,
                        profile,
                        title,
                        "v-1",
                        "tv",
                        1080,
                        "origin",
                        episode,
                        3_600_000),
                TitlePublished.of(new TitleSnapshot(
                        title,
                        "SERIES",
                        "Dark Water",
                        "",
                        2024,
                        null,
                        "13+",
                        List.of(),
                        List.of(),
                        List.of(),
                        true,
                        now,
                        true,
                        List.of(new EpisodeRef(episode, 1, 1, "Pilot", 52)))),
                SearchPerformed.of(account, null, "dark", 0, 1, List.of(title)),
                new RowImpression(
                        UUID.randomUUID(),
                        now,
                        RowImpression.SCHEMA_VERSION,
                        account,
                        profile,
                        "top-picks",
                        "TOP_PICKS",
                        1,
                        List.of(new ImpressionItem(title, 0, null)),
                        null),
                new TitleClicked(
                        UUID.randomUUID(),
                        now,
                        TitleClicked.SCHEMA_VERSION,
                        account,
                        profile,
                        title,
                        null,
                        null,
                        null,
                        null,
                        null),
                ExperimentExposed.of(account, "row-ordering", "model"));
        for (ReelEvent event : events) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass()))
                    .isEqualTo(event);
        }
    }

    @Test
    void keysFollowTheContracts() {
        UUID account = UUID.randomUUID();
        UUID profile = UUID.randomUUID();
        assertThat(SearchPerformed.of(account, profile, "q", 0, 0, List.of()).key())
                .isEqualTo(profile.toString());
        assertThat(SearchPerformed.of(account, null, "q", 0, 0, List.of()).key())
                .isEqualTo(account.toString());
        assertThat(ExperimentExposed.of(account, "row-ordering", "model").key()).isEqualTo(account.toString());
    }
}
