package dev.reel.origin;

import static dev.reel.origin.Fixtures.MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@link OriginStoreContract} against {@link FileSystemOriginStore}, plus its own layout checks. */
class FileSystemOriginStoreTest extends OriginStoreContract {

    @TempDir
    Path base;

    private Path root;

    @Override
    protected OriginStore newStore(RetentionPolicy retention) {
        root = base.resolve("origin");
        return FileSystemOriginStore.builder().root(root).retention(retention).build();
    }

    @Override
    protected OriginStore sameData(RetentionPolicy retention) {
        return FileSystemOriginStore.builder().root(root).retention(retention).build();
    }

    @Test
    void layoutIsVersionDirectoriesAndAPointerWithNoLeftovers() throws IOException {
        Publication p = store.publish("t1", Fixtures.version(sources, "one", 2));

        Path title = root.resolve("t1");
        assertThat(names(title)).containsExactlyInAnyOrder("CURRENT", p.version());
        assertThat(Files.readString(title.resolve("CURRENT")))
                .contains("\"version\":\"" + p.version() + "\"")
                .contains("\"titleId\":\"t1\"");
        assertThat(title.resolve(p.version()).resolve(MANIFEST)).isRegularFile();
        assertThat(title.resolve(p.version()).resolve("subs/en.vtt")).isRegularFile();
        try (Stream<Path> files = Files.walk(title)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
        assertThat(store.open("t1", MANIFEST).orElseThrow().localFile())
                .contains(title.resolve(p.version()).resolve(MANIFEST));
    }

    @Test
    void objectsSkipsWhatOriginWouldNotServe() throws IOException {
        Publication p = store.publish("t1", Fixtures.version(sources, "one", 1));
        Path version = root.resolve("t1").resolve(p.version());
        Files.writeString(version.resolve(".tmp-leftover"), "x");
        Files.writeString(Files.createDirectories(version.resolve(".hidden")).resolve("a.m4s"), "x");
        Files.writeString(version.resolve("bad name.m4s"), "x");
        Files.writeString(base.resolve("outside.txt"), "outside");
        Files.createSymbolicLink(version.resolve("link.m4s"), base.resolve("outside.txt"));

        assertThat(store.objects("t1", p.version()))
                .extracting(OriginObjectInfo::path)
                .containsExactly(
                        "init.mp4",
                        MANIFEST,
                        "subs/en.vtt",
                        Fixtures.segmentNames("one", 1).getFirst());
    }

    @Test
    void anInterruptedUploadStaysInAHiddenStagingDirectory() throws IOException {
        Publication first = store.publish("t1", Fixtures.version(sources, "one", 1));
        Path v2 = Fixtures.version(sources, "two", 4);
        assertThatThrownBy(() -> store.publish("t1", v2, progress -> {
                    throw new IllegalStateException("injected crash");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(names(root.resolve("t1")))
                .contains("CURRENT", first.version())
                .anyMatch(n -> n.startsWith(".staging-v-"));
    }

    @Test
    void garbageCollectionMovesVersionsAwayAtomicallyAndLeavesNoTrash() throws IOException {
        store.publish("t1", Fixtures.version(sources, "one", 1));
        store.publish("t1", Fixtures.version(sources, "two", 1));
        Publication third = store.publish("t1", Fixtures.version(sources, "three", 1));

        track(sameData(new RetentionPolicy(0, java.time.Duration.ZERO))).collectGarbage("t1");

        assertThat(names(root.resolve("t1"))).containsExactlyInAnyOrder("CURRENT", third.version());
    }

    @Test
    void unpublishRemovesTheTitleDirectory() throws IOException {
        store.publish("t1", Fixtures.version(sources, "one", 1));

        store.unpublish("t1");

        assertThat(root.resolve("t1")).doesNotExist();
        assertThat(names(root)).allMatch(n -> n.equals(".locks"));
    }

    @Test
    void aPathThatEscapesTheRootIsRejectedWithoutTouchingIt() throws IOException {
        store.publish("t1", Fixtures.version(sources, "one", 1));
        Files.writeString(base.resolve("secret.txt"), "secret");

        assertThatThrownBy(() -> store.open("t1", "../../secret.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> store.open("..", "secret.txt")).isInstanceOf(IllegalArgumentException.class);
        OriginStore missingRoot = FileSystemOriginStore.builder()
                .root(base.resolve("does-not-exist"))
                .build();
        assertThatThrownBy(() -> missingRoot.open("t1", "../../secret.txt"))
                .as("validation comes before any filesystem access")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(missingRoot.titles()).isEmpty();
        assertThat(base.resolve("does-not-exist")).doesNotExist();
    }

    @Test
    void aCorruptOrTamperedPointerIsAnErrorNotARedirect() throws IOException {
        Publication p = store.publish("t1", Fixtures.version(sources, "one", 1));
        Path pointer = root.resolve("t1").resolve("CURRENT");
        String good = Files.readString(pointer);

        Files.writeString(pointer, good.replace(p.version(), "../../etc"));
        assertThatThrownBy(() -> store.open("t1", MANIFEST))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Corrupt origin pointer");

        Files.writeString(pointer, good.replace("\"titleId\":\"t1\"", "\"titleId\":\"t2\""));
        assertThatThrownBy(() -> store.current("t1")).isInstanceOf(IOException.class);

        Files.writeString(pointer, "{not json", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.current("t1")).isInstanceOf(IOException.class);
    }

    @Test
    void twoStoresOnOneRootSeeEachOthersPublications() throws IOException {
        OriginStore other = track(sameData(RetentionPolicy.DEFAULT));
        Publication p = other.publish("t1", Fixtures.version(sources, "one", 1));

        assertThat(store.current("t1")).contains(p);
    }

    @Test
    void theRootMustBeADirectory() throws IOException {
        Path file = Files.writeString(base.resolve("file"), "x");
        assertThatThrownBy(() -> FileSystemOriginStore.builder().root(file).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileSystemOriginStore.builder().build()).isInstanceOf(NullPointerException.class);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(e -> e.getFileName().toString()).toList();
        }
    }
}
