package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeStoreTest {

    @TempDir
    Path directory;

    private final UUID title = UUID.randomUUID();

    @Test
    void aSavedUploadIsFoundByTheSameKeyUntilRemoved() throws IOException {
        Path master = Files.writeString(directory.resolve("m.mp4"), "bytes");
        var store = new ResumeStore(directory.resolve("run/ingest"));
        ResumeStore.Key key = ResumeStore.Key.of(title, master);
        var entry = new ResumeStore.Entry(key, UUID.randomUUID(), Instant.parse("2025-01-02T03:04:05Z"));

        store.save(entry);

        assertThat(new ResumeStore(directory.resolve("run/ingest")).find(ResumeStore.Key.of(title, master)))
                .contains(entry);
        store.remove(key);
        assertThat(store.find(key)).isEmpty();
        assertThat(directory.resolve("run/ingest")).isEmptyDirectory();
    }

    @Test
    void theKeyCoversTitleAbsolutePathSizeAndModificationTime() throws IOException {
        Path master = Files.writeString(directory.resolve("m.mp4"), "bytes");
        var store = new ResumeStore(directory.resolve("ingest"));
        ResumeStore.Key key = ResumeStore.Key.of(title, master);
        store.save(new ResumeStore.Entry(key, UUID.randomUUID(), Instant.now()));

        assertThat(key.path()).isEqualTo(master.toAbsolutePath().toString());
        assertThat(key.size()).isEqualTo(5);
        assertThat(store.find(ResumeStore.Key.of(UUID.randomUUID(), master)))
                .as("another title")
                .isEmpty();
        Files.setLastModifiedTime(master, FileTime.fromMillis(key.modifiedMillis() + 1000));
        assertThat(store.find(ResumeStore.Key.of(title, master))).as("touched").isEmpty();
        Files.writeString(master, "other bytes");
        assertThat(store.find(ResumeStore.Key.of(title, master))).as("changed").isEmpty();
    }

    @Test
    void aCorruptEntryCountsAsAbsent() throws IOException {
        Path master = Files.writeString(directory.resolve("m.mp4"), "bytes");
        var store = new ResumeStore(directory);
        ResumeStore.Key key = ResumeStore.Key.of(title, master);
        store.save(new ResumeStore.Entry(key, UUID.randomUUID(), Instant.now()));
        try (var files = Files.list(directory)) {
            Path entry = files.filter(f -> f.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            Files.writeString(entry, "{\"key\":");
        }

        assertThat(store.find(key)).isEmpty();
    }
}
