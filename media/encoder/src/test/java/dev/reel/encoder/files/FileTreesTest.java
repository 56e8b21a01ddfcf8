package dev.reel.encoder.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void replaceDirectorySwapsTheWholeTreeAndLeavesNoHiddenSiblings() throws Exception {
        Path target = dir.resolve("title");
        Files.createDirectories(target.resolve("video/old"));
        Files.writeString(target.resolve("video/old/seg.m4s"), "old");
        Files.writeString(target.resolve("stray.tmp"), "left by a crash");
        Path staged = FileTrees.stagingFor(target);
        Files.createDirectories(staged.resolve("video/new"));
        Files.writeString(staged.resolve("master.m3u8"), "new");

        FileTrees.replaceDirectory(staged, target);

        assertThat(target.resolve("master.m3u8")).hasContent("new");
        assertThat(target.resolve("video/new")).isDirectory();
        assertThat(target.resolve("video/old")).doesNotExist();
        assertThat(target.resolve("stray.tmp")).doesNotExist();
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(target);
        }
    }

    @Test
    void removeStaleDeletesOnlyThisTargetsLeftovers() throws Exception {
        Path target = dir.resolve("title");
        Path staging = Files.createDirectories(FileTrees.stagingFor(target).resolve("video"));
        Path retired = Files.createDirectories(dir.resolve(".title.retired-1234"));
        Path other = Files.createDirectories(dir.resolve(".other.staging-1234"));

        FileTrees.removeStale(target);

        assertThat(staging.getParent()).doesNotExist();
        assertThat(retired).doesNotExist();
        assertThat(other).exists();
    }
}
