package dev.reel.edge.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {

    @TempDir
    Path root;

    private static void put(DiskCache cache, String titleId, String path, int size) throws IOException {
        Path temp = cache.newTempFile(titleId, path);
        Files.write(temp, new byte[size]);
        cache.admit(titleId, path, temp);
    }

    private static long tempFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().startsWith(DiskCache.TEMP_PREFIX))
                    .count();
        }
    }

    @Test
    void admissionPlacesTheFileAndCountsIt() throws IOException {
        DiskCache cache = DiskCache.open(root, 1000, EvictionPolicy.lru());

        put(cache, "t1", "video/seg-1.m4s", 300);

        assertThat(Files.size(root.resolve("t1/video/seg-1.m4s"))).isEqualTo(300);
        assertThat(cache.contains("t1", "video/seg-1.m4s")).isTrue();
        assertThat(cache.usedBytes()).isEqualTo(300);
        assertThat(cache.capacityBytes()).isEqualTo(1000);
        assertThat(tempFiles(root)).isZero();
    }

    @Test
    void fillingBeyondCapacityEvictsTheLeastRecentlyUsed() throws IOException {
        DiskCache cache = DiskCache.open(root, 1000, EvictionPolicy.lru());
        put(cache, "t1", "a.m4s", 400);
        put(cache, "t1", "b.m4s", 400);
        cache.touch("t1", "a.m4s");

        put(cache, "t2", "c.m4s", 400);

        assertThat(cache.contains("t1", "b.m4s")).isFalse();
        assertThat(root.resolve("t1/b.m4s")).doesNotExist();
        assertThat(cache.contains("t1", "a.m4s")).isTrue();
        assertThat(cache.contains("t2", "c.m4s")).isTrue();
        assertThat(cache.usedBytes()).isEqualTo(800).isLessThanOrEqualTo(cache.capacityBytes());
        assertThat(cache.evictions()).isEqualTo(1);

        for (int i = 0; i < 10; i++) {
            put(cache, "t3", "seg-" + i + ".m4s", 150 + i * 10);
            assertThat(cache.usedBytes()).isLessThanOrEqualTo(1000);
        }
        long onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
        assertThat(onDisk).isEqualTo(cache.usedBytes());
        assertThat(cache.contains("t3", "seg-9.m4s")).isTrue();
        assertThat(cache.contains("t1", "a.m4s")).isFalse();
    }

    @Test
    void pinnedTitlesAreNeverEvicted() throws IOException {
        DiskCache cache = DiskCache.open(root, 1000, EvictionPolicy.lru());
        put(cache, "pinned", "a.m4s", 300);
        put(cache, "pinned", "b.m4s", 300);
        cache.pin(List.of("pinned"));

        for (int i = 0; i < 5; i++) {
            put(cache, "other", "seg-" + i + ".m4s", 200);
        }

        assertThat(cache.pinned()).containsExactly("pinned");
        assertThat(cache.contains("pinned", "a.m4s")).isTrue();
        assertThat(cache.contains("pinned", "b.m4s")).isTrue();
        assertThat(cache.contains("other", "seg-4.m4s")).isTrue();
        assertThat(cache.evictions()).isPositive();
        assertThat(cache.usedBytes()).isLessThanOrEqualTo(1000);
        assertThatThrownBy(() -> put(cache, "other", "big.m4s", 500))
                .as("pinned titles alone leave too little room")
                .isInstanceOf(IOException.class);

        cache.pin(List.of());
        put(cache, "other", "big.m4s", 500);
        assertThat(cache.contains("pinned", "a.m4s")).isFalse();
    }

    @Test
    void droppingATitleDeletesItsObjectsAndDirectories() throws IOException {
        DiskCache cache = DiskCache.open(root, 10_000, EvictionPolicy.lru());
        put(cache, "gone", "v-1/video/a.m4s", 300);
        put(cache, "gone", "v-1/video/b.m4s", 200);
        put(cache, "kept", "a.m4s", 100);
        cache.pin(List.of("gone"));

        long freed = cache.dropTitle("gone");

        assertThat(freed).isEqualTo(500);
        assertThat(root.resolve("gone")).doesNotExist();
        assertThat(cache.entries()).extracting(CacheEntry::titleId).containsExactly("kept");
        assertThat(cache.usedBytes()).isEqualTo(100);
        assertThat(cache.evictions()).isZero();
        assertThat(cache.dropTitle("never-cached")).isZero();
        assertThatThrownBy(() -> cache.dropTitle("../kept")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anObjectLargerThanTheCapacityIsRefused() throws IOException {
        DiskCache cache = DiskCache.open(root, 100, EvictionPolicy.lru());
        put(cache, "t1", "small.m4s", 50);
        Path temp = cache.newTempFile("t1", "big.m4s");
        Files.write(temp, new byte[101]);

        assertThatThrownBy(() -> cache.admit("t1", "big.m4s", temp)).isInstanceOf(IOException.class);
        assertThat(temp).doesNotExist();
        assertThat(root.resolve("t1/big.m4s")).doesNotExist();
        assertThat(cache.contains("t1", "small.m4s")).isTrue();
        assertThat(cache.usedBytes()).isEqualTo(50);
    }

    @Test
    void restartRebuildsTheIndexFromDisk() throws IOException {
        DiskCache first = DiskCache.open(root, 1000, EvictionPolicy.lru());
        put(first, "t1", "old.m4s", 300);
        put(first, "t1", "video/new.m4s", 200);
        Files.setLastModifiedTime(root.resolve("t1/old.m4s"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(
                root.resolve("t1/video/new.m4s"), FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));
        Path leftover = first.newTempFile("t1", "video/partial.m4s");
        Files.write(leftover, new byte[77]);

        DiskCache second = DiskCache.open(root, 1000, EvictionPolicy.lru());

        assertThat(second.entries())
                .extracting(CacheEntry::key)
                .containsExactlyInAnyOrder("t1/old.m4s", "t1/video/new.m4s");
        assertThat(second.usedBytes()).isEqualTo(500);
        assertThat(leftover).doesNotExist();

        put(second, "t2", "x.m4s", 600);
        assertThat(second.contains("t1", "old.m4s")).isFalse();
        assertThat(second.contains("t1", "video/new.m4s")).isTrue();
    }

    @Test
    void reopeningWithALowerCapacityEvictsTheOldestFiles() throws IOException {
        DiskCache first = DiskCache.open(root, 1000, EvictionPolicy.lru());
        put(first, "t1", "old.m4s", 300);
        put(first, "t1", "new.m4s", 300);
        Files.setLastModifiedTime(root.resolve("t1/old.m4s"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

        DiskCache smaller = DiskCache.open(root, 400, EvictionPolicy.lru());

        assertThat(smaller.usedBytes()).isEqualTo(300);
        assertThat(root.resolve("t1/old.m4s")).doesNotExist();
        assertThat(smaller.contains("t1", "new.m4s")).isTrue();
        assertThat(smaller.evictions()).isEqualTo(1);
    }

    @Test
    void invalidNamesUnderTheRootAreIgnored() throws IOException {
        Files.writeString(root.resolve("stray.txt"), "x");
        Files.createDirectories(root.resolve("Upper"));
        Files.writeString(root.resolve("Upper/seg.m4s"), "x");

        DiskCache cache = DiskCache.open(root, 1000, EvictionPolicy.lru());

        assertThat(cache.entries()).isEmpty();
        assertThat(cache.usedBytes()).isZero();
    }
}
