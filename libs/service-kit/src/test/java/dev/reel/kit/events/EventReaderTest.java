package dev.reel.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.encoding.EncodingFailed;
import dev.reel.events.playback.PlaybackStopped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventReader reader = new EventReader(json);

    @Test
    void readsTheTypeHeader() {
        var record = record("{}", "EncodingFailed");
        assertThat(reader.type(record)).isEqualTo("EncodingFailed");
        assertThat(reader.type(record("{}", null))).isNull();
    }

    @Test
    void readsAnEventItCanApply() {
        var event = EncodingFailed.of(UUID.randomUUID(), UUID.randomUUID(), "ENCODING", "ffmpeg exited 1");
        var read = reader.read(record(json.writeValueAsString(event), "EncodingFailed"), EncodingFailed.class, 1);
        assertThat(read).isEqualTo(event);
    }

    @Test
    void readsAPlaybackEventWrittenBeforeEpisodesExisted() {
        var read = reader.read(record("""
                        {"eventId":"7f1c0f5e-4b8e-4c3f-9d7a-3b1f2a7c9e03","occurredAt":"2026-11-20T10:00:20Z",
                         "schemaVersion":1,"sessionId":"0b9f7a52-9a8b-4d2c-8f0e-1c2d3e4f5a60",
                         "accountId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                         "profileId":"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60",
                         "titleId":"3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071","positionMillis":20000,"reason":"STOPPED"}
                        """, "PlaybackStopped"), PlaybackStopped.class, PlaybackStopped.SCHEMA_VERSION);
        assertThat(read).isNotNull();
        assertThat(read.episodeId()).isNull();
        assertThat(read.durationMillis()).isZero();
    }

    @Test
    void skipsRecordsThatCanNeverBeApplied() {
        assertThat(reader.read(record(null, "EncodingFailed"), EncodingFailed.class, 1))
                .isNull();
        assertThat(reader.read(record("{not json", "EncodingFailed"), EncodingFailed.class, 1))
                .isNull();
        assertThat(reader.read(record("null", "EncodingFailed"), EncodingFailed.class, 1))
                .isNull();
        var future =
                new EncodingFailed(UUID.randomUUID(), Instant.now(), 2, UUID.randomUUID(), UUID.randomUUID(), "A", "B");
        assertThat(reader.read(record(json.writeValueAsString(future), "EncodingFailed"), EncodingFailed.class, 1))
                .isNull();
        String noId = """
                {"occurredAt":"2026-11-20T10:00:20Z","schemaVersion":1,"jobId":"%s","titleId":"%s","stage":"A","reason":"B"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        assertThat(reader.read(record(noId, "EncodingFailed"), EncodingFailed.class, 1))
                .isNull();
        String noTime = """
                {"eventId":"%s","schemaVersion":1,"jobId":"%s","titleId":"%s","stage":"A","reason":"B"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(reader.read(record(noTime, "EncodingFailed"), EncodingFailed.class, 1))
                .isNull();
    }

    private static ConsumerRecord<String, String> record(@Nullable String value, @Nullable String type) {
        var record = new ConsumerRecord<String, String>("reel.test.v1", 0, 42L, "key", value);
        if (type != null) {
            record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
