package dev.reel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path directory;

    @Test
    void readsTheLastLines() throws Exception {
        Path file = directory.resolve("a.log");
        Files.writeString(file, "one\ntwo\nthree\n");

        assertThat(LogTail.lastLines(file, 2)).containsExactly("two", "three");
        assertThat(LogTail.lastLines(file, 10)).containsExactly("one", "two", "three");
        assertThat(LogTail.lastLines(file, 0)).isEmpty();
    }

    @Test
    void keepsAnUnterminatedLastLine() throws Exception {
        Path file = directory.resolve("a.log");
        Files.writeString(file, "one\ntwo");

        assertThat(LogTail.lastLines(file, 1)).containsExactly("two");
    }

    @Test
    void readsAcrossBlocksOfLargeFiles() throws Exception {
        Path file = directory.resolve("big.log");
        String text = IntStream.range(0, 20_000)
                .mapToObj(i -> "line " + i + " " + "x".repeat(50))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, text);

        assertThat(LogTail.lastLines(file, 3))
                .extracting(l -> l.split(" ")[1])
                .containsExactly("19997", "19998", "19999");
        assertThat(LogTail.lastLines(file, 5_000))
                .hasSize(5_000)
                .first()
                .asString()
                .startsWith("line 15000 ");
    }

    @Test
    void emptyFileHasNoLines() throws Exception {
        Path file = directory.resolve("empty.log");
        Files.writeString(file, "");

        assertThat(LogTail.lastLines(file, 5)).isEmpty();
    }

    @Test
    void followsAppendedCompleteLines() throws Exception {
        Path file = directory.resolve("a.log");
        Files.writeString(file, "old\n");
        LogTail tail = LogTail.followFromEnd(file);

        assertThat(tail.poll()).isEmpty();
        Files.writeString(file, "new 1\nnew", StandardOpenOption.APPEND);
        assertThat(tail.poll()).containsExactly("new 1");
        Files.writeString(file, " 2\n", StandardOpenOption.APPEND);
        assertThat(tail.poll()).containsExactly("new 2");

        Files.writeString(file, "cut\n");
        assertThat(tail.poll()).containsExactly("cut");
    }
}
