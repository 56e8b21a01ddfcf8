package dev.reel.origin;

import static dev.reel.origin.Fixtures.MANIFEST;
import static dev.reel.origin.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link OriginStore} must have. A backend's test extends this class and
 * supplies fresh, empty stores.
 */
abstract class OriginStoreContract {

    @TempDir
    Path sources;

    private final List<OriginStore> opened = new ArrayList<>();

    OriginStore store;

    /** A new, empty store (no titles) with the given retention. */
    protected abstract OriginStore newStore(RetentionPolicy retention) throws IOException;

    /** Another store over the same data as the last {@link #newStore}, with another retention. */
    protected abstract OriginStore sameData(RetentionPolicy retention) throws IOException;

    @BeforeEach
    void createStore() throws IOException {
        store = track(newStore(RetentionPolicy.DEFAULT));
    }

    @AfterEach
    void closeStores() {
        opened.forEach(OriginStore::close);
    }

    OriginStore track(OriginStore s) {
        opened.add(s);
        return s;
    }

    @Test
    void publishedObjectsHaveBytesSizeTypeEtagAndRanges() throws IOException {
        Path v1 = Fixtures.version(sources, "one", 3);

        Publication publication = store.publish("t1", v1);

        assertThat(publication.titleId()).isEqualTo("t1");
        assertThat(publication.version()).matches("v-\\d{8}T\\d{9}Z-[0-9a-f]{12}");
        assertThat(publication.objectCount()).isEqualTo(6);
        assertThat(store.current("t1")).contains(publication);

        String name = Fixtures.segmentNames("one", 3).get(1);
        byte[] expected = Fixtures.segment("one", name);
        OriginObject segment = store.open("t1", name).orElseThrow();
        assertThat(segment.titleId()).isEqualTo("t1");
        assertThat(segment.version()).isEqualTo(publication.version());
        assertThat(segment.path()).isEqualTo(name);
        assertThat(segment.size()).isEqualTo(expected.length);
        assertThat(segment.contentType()).isEqualTo("video/iso.segment");
        assertThat(segment.etag()).matches("\"[^\"]+\"");
        assertThat(segment.lastModified()).isBefore(Instant.now().plusSeconds(5));
        assertThat(read(segment)).isEqualTo(expected);
        assertThat(read(segment, 0, 10)).isEqualTo(Arrays.copyOfRange(expected, 0, 10));
        assertThat(read(segment, 100, 250)).isEqualTo(Arrays.copyOfRange(expected, 100, 350));
        assertThat(read(segment, expected.length - 7, 7))
                .isEqualTo(Arrays.copyOfRange(expected, expected.length - 7, expected.length));
        assertThat(read(segment, expected.length, 0)).isEmpty();
        assertThat(read(segment, 0, expected.length)).isEqualTo(expected);

        assertThat(store.open("t1", MANIFEST).orElseThrow().contentType()).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(store.open("t1", "init.mp4").orElseThrow().contentType()).isEqualTo("video/mp4");
        assertThat(store.open("t1", "subs/en.vtt").orElseThrow().contentType()).isEqualTo("text/vtt");
    }

    @Test
    void rangesOutsideTheObjectAreRejected() throws IOException {
        store.publish("t1", Fixtures.version(sources, "one", 1));
        OriginObject object = store.open("t1", "init.mp4").orElseThrow();
        long size = object.size();

        assertThatThrownBy(() -> object.openStream(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> object.openStream(0, size + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> object.openStream(size + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> object.openStream(size - 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void absentTitlesAndObjectsAreEmpty() throws IOException {
        assertThat(store.current("nope")).isEmpty();
        assertThat(store.open("nope", MANIFEST)).isEmpty();
        assertThat(store.titles()).isEmpty();

        Publication p = store.publish("t1", Fixtures.version(sources, "one", 1));
        assertThat(store.open("t1", "missing.m4s")).isEmpty();
        assertThat(store.open("t1", "video")).as("a directory is not an object").isEmpty();
        assertThat(store.open("t1", "init.mp4/x")).isEmpty();
        assertThat(store.open("t1", "v-20200101T000000000Z-000000000000", MANIFEST))
                .isEmpty();
        assertThat(store.open("other", p.version(), MANIFEST)).isEmpty();
    }

    @Test
    void objectsListsEveryObjectOfAPublishedVersionSortedByPath() throws IOException {
        Publication first = store.publish("t1", Fixtures.version(sources, "one", 2));
        Publication second = store.publish("t1", Fixtures.version(sources, "two", 3));

        List<OriginObjectInfo> objects = store.objects("t1", second.version());

        List<String> expected = new ArrayList<>(Fixtures.segmentNames("two", 3));
        expected.addAll(List.of(MANIFEST, "init.mp4", "subs/en.vtt"));
        expected.sort(null);
        assertThat(objects).extracting(OriginObjectInfo::path).containsExactlyElementsOf(expected);
        for (OriginObjectInfo object : objects) {
            assertThat(object.size())
                    .as(object.path())
                    .isEqualTo(store.open("t1", second.version(), object.path())
                            .orElseThrow()
                            .size());
        }
        assertThat(objects.stream().mapToLong(OriginObjectInfo::size).sum()).isEqualTo(second.totalBytes());
        assertThat(store.objects("t1", first.version()))
                .as("a retained previous version is listed too")
                .extracting(OriginObjectInfo::path)
                .contains(Fixtures.segmentNames("one", 2).getFirst());
        assertThat(store.objects("t1", "v-20200101T000000000Z-000000000000")).isEmpty();
        assertThat(store.objects("nope", second.version())).isEmpty();
        assertThatThrownBy(() -> store.objects("t1", "not-a-version")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.objects("../t1", second.version())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void republishingSwitchesReadersWhilePinnedReadersKeepTheirVersion() throws IOException {
        Publication first = store.publish("t1", Fixtures.version(sources, "one", 2));
        OriginObject oldManifest = store.open("t1", MANIFEST).orElseThrow();
        String oldSegment = Fixtures.segmentNames("one", 2).getFirst();

        Publication second = store.publish("t1", Fixtures.version(sources, "two", 2));

        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(store.current("t1")).contains(second);
        assertThat(new String(read(store.open("t1", MANIFEST).orElseThrow()), StandardCharsets.UTF_8))
                .contains("#TAG two");
        assertThat(store.open("t1", oldSegment))
                .as("old segment is not in the new version")
                .isEmpty();
        // A reader that started on the first version finishes on it.
        assertThat(new String(read(oldManifest), StandardCharsets.UTF_8)).contains("#TAG one");
        OriginObject pinned = store.open("t1", first.version(), oldSegment).orElseThrow();
        assertThat(read(pinned)).isEqualTo(Fixtures.segment("one", oldSegment));
        assertThat(store.titles()).containsExactly("t1");
    }

    @Test
    void publishingTheSameContentAgainIsANoOp() throws IOException {
        Path dir = Fixtures.version(sources, "one", 2);
        Publication first = store.publish("t1", dir);

        AtomicInteger uploads = new AtomicInteger();
        Publication again = store.publish("t1", dir, progress -> uploads.incrementAndGet());

        assertThat(again).isEqualTo(first);
        assertThat(uploads).hasValue(0);
    }

    @Test
    void progressIsReportedPerObject() throws IOException {
        List<PublishProgress> reports = new ArrayList<>();
        Publication p = store.publish("t1", Fixtures.version(sources, "one", 4), reports::add);

        assertThat(reports).hasSize(p.objectCount());
        assertThat(reports.getLast().objectsDone()).isEqualTo(p.objectCount());
        assertThat(reports.getLast().bytesDone()).isEqualTo(p.totalBytes());
        assertThat(reports).allSatisfy(r -> assertThat(r.reused()).isFalse());
    }

    @Test
    void aPublishThatFailsMidUploadLeavesTheCurrentVersionIntactAndResumes() throws IOException {
        Path v1 = Fixtures.version(sources, "one", 3);
        Publication first = store.publish("t1", v1);
        Path v2 = Fixtures.version(sources, "two", 8);

        AtomicInteger stored = new AtomicInteger();
        assertThatThrownBy(() -> store.publish("t1", v2, progress -> {
                    if (stored.incrementAndGet() == 3) {
                        throw new IllegalStateException("injected crash after 3 uploads");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("injected crash");

        assertThat(store.current("t1")).contains(first);
        assertThat(store.titles()).containsExactly("t1");
        for (String name : Fixtures.segmentNames("one", 3)) {
            assertThat(read(store.open("t1", name).orElseThrow())).isEqualTo(Fixtures.segment("one", name));
        }
        assertThat(new String(read(store.open("t1", MANIFEST).orElseThrow()), StandardCharsets.UTF_8))
                .contains("#TAG one");
        for (String name : Fixtures.segmentNames("two", 8)) {
            assertThat(store.open("t1", name))
                    .as(name + " of the failed version")
                    .isEmpty();
        }

        List<PublishProgress> resumed = new ArrayList<>();
        Publication second = store.publish("t1", v2, resumed::add);

        assertThat(store.current("t1")).contains(second);
        assertThat(resumed).hasSize(second.objectCount());
        assertThat(resumed.stream().filter(PublishProgress::reused).count())
                .as("objects stored by the failed attempt are not sent again")
                .isGreaterThanOrEqualTo(2);
        for (String name : Fixtures.segmentNames("two", 8)) {
            assertThat(read(store.open("t1", name).orElseThrow())).isEqualTo(Fixtures.segment("two", name));
        }
    }

    @Test
    void aFileThatChangesWhilePublishingFailsThePublish() throws IOException {
        Publication first = store.publish("t1", Fixtures.version(sources, "one", 1));
        Path v2 = Fixtures.version(sources, "two", 40);
        String last = Fixtures.segmentNames("two", 40).getLast();
        byte[] original = Fixtures.segment("two", last);
        byte[] tampered = original.clone();
        tampered[0] ^= 1;

        AtomicBoolean changed = new AtomicBoolean();
        assertThatThrownBy(() -> store.publish("t1", v2, progress -> {
                    if (changed.compareAndSet(false, true)) {
                        try {
                            Fixtures.write(v2, last, tampered);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }))
                .isInstanceOf(IOException.class);

        assertThat(store.current("t1")).contains(first);
        assertThat(store.open("t1", last)).isEmpty();
    }

    @Test
    void aFirstPublishThatFailsLeavesTheTitleInvisible() throws IOException {
        Path v1 = Fixtures.version(sources, "one", 4);

        assertThatThrownBy(() -> store.publish("t1", v1, progress -> {
                    throw new IllegalStateException("injected crash");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.current("t1")).isEmpty();
        assertThat(store.open("t1", MANIFEST)).isEmpty();
        assertThat(store.titles()).isEmpty();
    }

    @Test
    void unpublishRemovesTheTitleForEveryReader() throws IOException {
        Publication first = store.publish("t1", Fixtures.version(sources, "one", 2));
        store.publish("t1", Fixtures.version(sources, "two", 2));
        store.publish("t2", Fixtures.version(sources, "other", 1));

        store.unpublish("t1");

        assertThat(store.current("t1")).isEmpty();
        assertThat(store.open("t1", MANIFEST)).isEmpty();
        assertThat(store.open("t1", first.version(), MANIFEST)).isEmpty();
        assertThat(store.titles()).containsExactly("t2");
        assertThat(store.open("t2", MANIFEST)).isPresent();
        store.unpublish("t1");
        store.unpublish("never-published");

        Publication back = store.publish("t1", Fixtures.version(sources, "three", 1));
        assertThat(store.current("t1")).contains(back);
    }

    @Test
    void garbageCollectionKeepsTheCurrentAndTheConfiguredPreviousVersions() throws IOException {
        Publication v1 = store.publish("t1", Fixtures.version(sources, "one", 1));
        Publication v2 = store.publish("t1", Fixtures.version(sources, "two", 1));
        Publication v3 = store.publish("t1", Fixtures.version(sources, "three", 1));

        GarbageCollection gc = store.collectGarbage("t1");

        assertThat(store.retention().keepPrevious()).isEqualTo(1);
        assertThat(gc.deletedVersions()).containsExactly(v1.version());
        assertThat(gc.keptVersions()).containsExactly(v3.version(), v2.version());
        assertThat(store.open("t1", v1.version(), MANIFEST)).isEmpty();
        assertThat(store.open("t1", v2.version(), MANIFEST)).isPresent();
        assertThat(store.current("t1")).contains(v3);
        assertThat(store.collectGarbage("t1").deletedVersions()).isEmpty();

        OriginStore keepNone = track(sameData(new RetentionPolicy(0, Duration.ofDays(1))));
        GarbageCollection strict = keepNone.collectGarbage("t1");

        assertThat(strict.deletedVersions()).containsExactly(v2.version());
        assertThat(strict.keptVersions()).containsExactly(v3.version());
        assertThat(keepNone.open("t1", v2.version(), MANIFEST)).isEmpty();
        assertThat(read(keepNone.open("t1", MANIFEST).orElseThrow())).isNotEmpty();
        assertThat(store.collectGarbage("never-published").deletedVersions()).isEmpty();
    }

    @Test
    void garbageCollectionRemovesAbandonedUploadsOnlyOnceTheyAreOld() throws IOException {
        Publication v1 = store.publish("t1", Fixtures.version(sources, "one", 1));
        Path v2 = Fixtures.version(sources, "two", 3);
        assertThatThrownBy(() -> store.publish("t1", v2, progress -> {
                    throw new IllegalStateException("injected crash");
                }))
                .isInstanceOf(IllegalStateException.class);

        GarbageCollection young = store.collectGarbage("t1");
        assertThat(young.deletedVersions()).isEmpty();
        assertThat(young.keptVersions()).hasSize(2).startsWith(v1.version());

        OriginStore impatient = track(sameData(new RetentionPolicy(1, Duration.ZERO)));
        GarbageCollection old = impatient.collectGarbage("t1");
        assertThat(old.deletedVersions()).hasSize(1).doesNotContain(v1.version());
        assertThat(old.keptVersions()).containsExactly(v1.version());
        assertThat(impatient.current("t1")).contains(v1);

        Publication second = impatient.publish("t1", v2);
        assertThat(read(impatient.open("t1", MANIFEST).orElseThrow())).isNotEmpty();
        assertThat(impatient.current("t1")).contains(second);
    }

    @Test
    void titlesArePagedInAStableOrder() throws IOException {
        Path dir = Fixtures.version(sources, "x", 1);
        for (String title : List.of("b", "a", "a-b", "c1", "a.x")) {
            store.publish(title, dir);
        }
        List<String> expected = List.of("a-b", "a.x", "a", "b", "c1");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TitlePage page = store.titles(cursor, 2);
            assertThat(page.titleIds().size()).isLessThanOrEqualTo(2);
            paged.addAll(page.titleIds());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(store.titles()).containsExactlyElementsOf(expected);
        assertThat(store.titles("b", 10).titleIds()).containsExactly("c1");
        assertThatThrownBy(() -> store.titles(null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.titles("../x", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidNamesAreRejected() throws IOException {
        Path dir = Fixtures.version(sources, "one", 1);
        store.publish("t1", dir);

        for (String bad : List.of("", "..", "../t1", "T1", "a/b", "a\\b", "-a", "a\u0000", "x".repeat(129))) {
            assertThatThrownBy(() -> store.open(bad, MANIFEST)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.publish(bad, dir)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of(
                "../t1/CURRENT",
                "/etc/passwd",
                "video/../../x",
                "a\\b",
                "./manifest.m3u8",
                "a//b",
                "a/",
                ".hidden",
                "a\nb",
                "x".repeat(2000))) {
            assertThatThrownBy(() -> store.open("t1", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.open("t1", "../v-x", MANIFEST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.unpublish("../t1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.collectGarbage("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.open("t1", MANIFEST)).isPresent();
    }

    @Test
    void unpublishableDirectoriesAreRejectedBeforeAnythingIsStored() throws IOException {
        Path empty = Files.createTempDirectory(sources, "empty");
        assertThatThrownBy(() -> store.publish("t1", empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nothing to publish");
        assertThatThrownBy(() -> store.publish("t1", sources.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class);

        Path hidden = Fixtures.version(sources, "one", 1);
        Fixtures.write(hidden, ".DS_Store", new byte[] {1});
        assertThatThrownBy(() -> store.publish("t1", hidden))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".DS_Store");

        Path linked = Fixtures.version(sources, "two", 1);
        Files.createSymbolicLink(linked.resolve("escape.m4s"), Path.of("/etc/hostname"));
        assertThatThrownBy(() -> store.publish("t1", linked))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbolic link");

        Path spaced = Fixtures.version(sources, "three", 1);
        Fixtures.write(spaced, "bad name.m4s", new byte[] {1});
        assertThatThrownBy(() -> store.publish("t1", spaced)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.current("t1")).isEmpty();
        assertThat(store.titles()).isEmpty();
    }

    @Test
    void concurrentReadersOnlyEverSeeCompleteVersions() throws Exception {
        int segments = 12;
        store.publish("t1", Fixtures.version(sources, "v0", segments));
        List<Path> next = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            next.add(Fixtures.version(sources, "v" + i, segments));
        }

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<String> tagsSeen = ConcurrentHashMap.newKeySet();
        AtomicLong checks = new AtomicLong();
        int readers = 3;
        CountDownLatch started = new CountDownLatch(readers);
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            threads.add(Thread.ofPlatform().start(() -> {
                started.countDown();
                while (!stop.get() && failures.size() < 5) {
                    try {
                        checkOneCompleteVersion(tagsSeen);
                        checks.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t.toString());
                    }
                }
            }));
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (Path version : next) {
            store.publish("t1", version);
        }
        // Let the readers observe the final version too.
        long target = checks.get() + readers;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (checks.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(20));
        }

        assertThat(failures).isEmpty();
        assertThat(checks.get()).isGreaterThan(0);
        assertThat(tagsSeen).contains("v4").hasSizeGreaterThanOrEqualTo(2);
    }

    /**
     * Reads the current manifest, then every segment it lists from the same version, and checks
     * the bytes: one complete version, never a mix.
     */
    private void checkOneCompleteVersion(Set<String> tagsSeen) throws IOException {
        OriginObject manifest = store.open("t1", MANIFEST).orElseThrow(() -> new AssertionError("no manifest"));
        String text = new String(read(manifest), StandardCharsets.UTF_8);
        if (!text.startsWith("#EXTM3U\n#TAG ") || !text.endsWith("#EXT-X-ENDLIST\n")) {
            throw new AssertionError("partial manifest: " + text);
        }
        String[] lines = text.split("\n");
        String tag = lines[1].substring("#TAG ".length());
        List<String> names = Arrays.asList(lines).subList(2, lines.length - 1);
        if (!names.equals(Fixtures.segmentNames(tag, names.size()))) {
            throw new AssertionError("manifest of " + tag + " lists " + names);
        }
        for (String name : names) {
            Optional<OriginObject> segment = store.open("t1", manifest.version(), name);
            if (segment.isEmpty()) {
                throw new AssertionError(name + " of " + manifest.version() + " is missing");
            }
            if (!Arrays.equals(read(segment.get()), Fixtures.segment(tag, name))) {
                throw new AssertionError(name + " of " + manifest.version() + " has the wrong bytes");
            }
        }
        tagsSeen.add(tag);
    }
}
