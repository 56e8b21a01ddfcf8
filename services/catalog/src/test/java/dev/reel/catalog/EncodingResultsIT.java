package dev.reel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.ReelEvent;
import dev.reel.events.Topics;
import dev.reel.events.encoding.EncodingCompleted;
import dev.reel.events.encoding.EncodingCompleted.Rendition;
import dev.reel.events.encoding.EncodingFailed;
import dev.reel.events.encoding.EncodingProgressed;
import dev.reel.kit.events.EventHeaders;
import dev.reel.testkit.TestHttp;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import dev.reel.testkit.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog consuming the encoder's job facts from a real KRaft broker, written the way the kit's outbox relay writes
 * them (JSON of the event record, {@code reel-event-type}, {@code reel-schema-version} and {@code reel-event-id}
 * headers, keyed by title). A record is known to be processed once the consumer group's committed offset passed it:
 * offsets are committed only after the record's database transaction.
 *
 * <p>Own database and consumer group, so the application of {@link CatalogIT} (cached in the same JVM) neither sees
 * these titles nor takes these partitions.
 */
@SpringBootTest(
        classes = {CatalogApplication.class, TestTokenDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncodingResultsIT {

    private static final String GROUP = "catalog-encoding-it";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "catalog_encoding");
        TestInfra.registerKafka(registry);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        // No test here sends X-Profile-Id, so identity is never called.
        registry.add("test.identity.port", () -> 9);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    private TestHttp api;
    private Admin admin;
    private String adminToken = "";

    @BeforeAll
    void setUp() {
        api = new TestHttp(port);
        adminToken = TestTokens.admin(UUID.randomUUID());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrapServers()));
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    @Test
    void aCompletedEncodingMakesAMoviePlayableOnceAndNeverRegresses() {
        UUID movie = createTitle("MOVIE", null);
        publish(movie);
        var before = api.get("/api/v1/titles/" + movie).token(adminToken).send();
        JsonNode draft = before.ok(200);
        assertThat(draft.path("playable").asBoolean()).isFalse();
        assertThat(draft.path("media").isNull()).isTrue();
        assertThat(draft.path("runtimeMinutes").isNull()).isTrue();

        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EncodingCompleted first = completed(movie, t0, "v-first", 5_400_000);
        send(first);

        JsonNode playable = awaitTitle(movie, t -> t.path("playable").asBoolean());
        assertThat(playable.path("runtimeMinutes").asInt()).isEqualTo(90);
        JsonNode media = playable.path("media");
        assertThat(media.path("originVersion").asString()).isEqualTo("v-first");
        assertThat(media.path("durationSeconds").asLong()).isEqualTo(5400);
        assertThat(media.path("maxHeight").asInt()).isEqualTo(720);
        assertThat(strings(media.path("codecs"))).containsExactly("avc1.64001e", "avc1.64001f", "mp4a.40.2");
        assertThat(strings(media.path("audioLanguages"))).containsExactly("eng", "fra");
        assertThat(strings(media.path("subtitleLanguages"))).containsExactly("eng");
        assertThat(playable.path("version").asLong())
                .isEqualTo(draft.path("version").asLong() + 1);

        // Other services learn it from a TitleUpdated snapshot.
        var events = TitleEvents.forTitle(movie, 2, WAIT);
        assertThat(events).extracting(TitleEvents.Event::type).containsExactly("TitlePublished", "TitleUpdated");
        assertThat(events.get(0).title().path("playable").asBoolean()).isFalse();
        assertThat(events.get(1).title().path("playable").asBoolean()).isTrue();
        assertThat(events.get(1).title().path("runtimeMinutes").asInt()).isEqualTo(90);

        // The same event again (a redelivery) changes nothing: same version, same update time, no announcement.
        var etag = etagOf(movie);
        awaitProcessed(send(first));
        JsonNode afterDuplicate = title(movie);
        assertThat(etagOf(movie)).isEqualTo(etag);
        assertThat(afterDuplicate.path("updatedAt").asString())
                .isEqualTo(playable.path("updatedAt").asString());

        // A later encoding replaces the media; the runtime, already set, stays.
        send(completed(movie, t0.plusSeconds(60), "v-second", 5_460_000));
        JsonNode second = awaitTitle(
                movie, t -> t.path("media").path("originVersion").asString().equals("v-second"));
        assertThat(second.path("runtimeMinutes").asInt()).isEqualTo(90);
        assertThat(second.path("media").path("durationSeconds").asLong()).isEqualTo(5460);

        // An older completion delivered late never overwrites the newer one.
        String etagSecond = etagOf(movie);
        awaitProcessed(send(completed(movie, t0.plusSeconds(30), "v-stale", 5_000_000)));
        JsonNode afterStale = title(movie);
        assertThat(afterStale.path("media").path("originVersion").asString()).isEqualTo("v-second");
        assertThat(etagOf(movie)).isEqualTo(etagSecond);

        assertThat(TitleEvents.forTitle(movie, 3, WAIT))
                .extracting(TitleEvents.Event::type)
                .containsExactly("TitlePublished", "TitleUpdated", "TitleUpdated");
    }

    @Test
    void unknownTitlesOtherEventsAndBadRecordsAreSkippedAndTheNextRecordIsApplied() {
        UUID series = createTitle("SERIES", null);
        int partition = partitionOf(series);
        UUID unknown = titleIdOnPartition(partition);
        UUID otherUnknown = titleIdOnPartition(partition);
        Instant now = Instant.now();

        send(EncodingProgressed.of(UUID.randomUUID(), series, "ENCODING", 40, 12L));
        send(EncodingFailed.of(UUID.randomUUID(), series, "PACKAGING", "disk full"));
        RecordMetadata unknownTitle = send(completed(unknown, now, "v-ghost", 60_000));
        send(raw(otherUnknown, "EncodingCompleted", "{\"eventId\": not json"));
        send(raw(otherUnknown, "EncodingCompleted", "{\"eventId\":\"" + UUID.randomUUID() + "\"}"));
        RecordMetadata applied = send(completed(series, now, "v-series", 1_500_000));

        assertThat(applied.partition()).isEqualTo(unknownTitle.partition());
        assertThat(applied.offset()).isGreaterThan(unknownTitle.offset());
        JsonNode playable = awaitTitle(series, t -> t.path("playable").asBoolean());
        // A series just records its media: no runtime is invented for it.
        assertThat(playable.path("runtimeMinutes").isNull()).isTrue();
        assertThat(playable.path("media").path("originVersion").asString()).isEqualTo("v-series");
        assertThat(playable.path("media").path("durationSeconds").asLong()).isEqualTo(1500);
        awaitProcessed(applied);
        api.get("/api/v1/titles/" + unknown).token(adminToken).send().problem(404);

        // A draft announces nothing; publishing it later carries playable = true in its first snapshot.
        api.post("/api/v1/titles/" + series + "/seasons")
                .token(adminToken)
                .body(Map.of("number", 1))
                .send()
                .ok(201);
        api.post("/api/v1/titles/" + series + "/seasons/1/episodes")
                .token(adminToken)
                .body(Map.of("number", 1, "name", "Pilot", "runtimeMinutes", 25))
                .send()
                .ok(201);
        publish(series);
        var events = TitleEvents.forTitle(series, 1, WAIT);
        assertThat(events).extracting(TitleEvents.Event::type).containsExactly("TitlePublished");
        assertThat(events.getFirst().title().path("playable").asBoolean()).isTrue();
    }

    @Test
    void aMovieWithARuntimeKeepsItAndListsShowPlayable() {
        UUID movie = createTitle("MOVIE", 170);
        publish(movie);

        send(completed(movie, Instant.now(), "v-movie", 600_000));

        JsonNode playable = awaitTitle(movie, t -> t.path("playable").asBoolean());
        assertThat(playable.path("runtimeMinutes").asInt()).isEqualTo(170);
        JsonNode listed = null;
        for (JsonNode item : api.get("/api/v1/titles?size=100").send().ok(200).path("items")) {
            if (item.path("id").asString().equals(movie.toString())) {
                listed = item;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("playable").asBoolean()).isTrue();
    }

    // --- producing like the outbox relay ----------------------------------------------------------------------------

    private ProducerRecord<String, String> recordOf(ReelEvent event) {
        var record =
                new ProducerRecord<String, String>(Topics.ENCODING_JOBS, event.key(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.TYPE, bytes(event.getClass().getSimpleName()));
        record.headers().add(EventHeaders.SCHEMA_VERSION, bytes(Integer.toString(event.schemaVersion())));
        record.headers().add(EventHeaders.EVENT_ID, bytes(event.eventId().toString()));
        return record;
    }

    private static ProducerRecord<String, String> raw(UUID key, String type, String payload) {
        var record = new ProducerRecord<String, String>(Topics.ENCODING_JOBS, key.toString(), payload);
        record.headers().add(EventHeaders.TYPE, bytes(type));
        record.headers().add(EventHeaders.EVENT_ID, bytes(UUID.randomUUID().toString()));
        return record;
    }

    private RecordMetadata send(ReelEvent event) {
        return send(recordOf(event));
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return kafka.send(record).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + record, e);
        }
    }

    /** Waits until the catalog's consumer group committed an offset past {@code record}. */
    private void awaitProcessed(RecordMetadata record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        long deadline = System.nanoTime() + WAIT.toNanos();
        long committed = -1;
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS);
                OffsetAndMetadata offset = offsets.get(partition);
                committed = offset == null ? -1 : offset.offset();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (committed > record.offset()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("record " + partition + "@" + record.offset() + " not processed within " + WAIT
                + " (committed offset " + committed + ")");
    }

    private int partitionOf(UUID titleId) {
        int partitions = kafka.partitionsFor(Topics.ENCODING_JOBS).size();
        return Utils.toPositive(Utils.murmur2(bytes(titleId.toString()))) % partitions;
    }

    /** A fresh title id whose records land on {@code partition}, so the test controls their order. */
    private UUID titleIdOnPartition(int partition) {
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (partitionOf(candidate) == partition) {
                return candidate;
            }
        }
    }

    private static EncodingCompleted completed(UUID titleId, Instant at, String originVersion, long durationMillis) {
        return new EncodingCompleted(
                UUID.randomUUID(),
                at,
                EncodingCompleted.SCHEMA_VERSION,
                UUID.randomUUID(),
                titleId,
                originVersion,
                durationMillis,
                "PER_TITLE",
                List.of(
                        new Rendition("v360p", 640, 360, "avc1.64001e", 900_000, 700_000),
                        new Rendition("v720p", 1280, 720, "avc1.64001f", 3_000_000, 2_400_000)),
                List.of("avc1.64001e", "avc1.64001f", "mp4a.40.2"),
                List.of("eng", "fra"),
                List.of("eng"),
                "00112233445566778899aabbccddeeff");
    }

    // --- catalog API ------------------------------------------------------------------------------------------------

    private UUID createTitle(String type, @Nullable Integer runtimeMinutes) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("name", type + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("synopsis", "Encoded.");
        body.put("year", 2024);
        if (runtimeMinutes != null) {
            body.put("runtimeMinutes", runtimeMinutes);
        }
        body.put("maturity", "13+");
        JsonNode created =
                api.post("/api/v1/titles").token(adminToken).body(body).send().ok(201);
        return UUID.fromString(created.path("id").asString());
    }

    private void publish(UUID id) {
        api.post("/api/v1/titles/" + id + "/publish").token(adminToken).send().ok(200);
    }

    private JsonNode title(UUID id) {
        return api.get("/api/v1/titles/" + id).token(adminToken).send().ok(200);
    }

    private @Nullable String etagOf(UUID id) {
        return api.get("/api/v1/titles/" + id).token(adminToken).send().header("ETag");
    }

    private JsonNode awaitTitle(UUID id, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = title(id);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "title " + id + " did not reach the expected state within " + WAIT + ": " + last);
            }
            sleep();
            last = title(id);
        }
        return last;
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
