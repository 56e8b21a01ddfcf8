package dev.reel.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading the end of a log file, and following it as it grows. */
final class LogTail {

    private static final int BLOCK = 64 * 1024;

    private final Path file;
    private long position;
    private final StringBuilder partialLine = new StringBuilder();

    private LogTail(Path file, long position) {
        this.file = file;
        this.position = position;
    }

    /**
     * Returns the last {@code count} complete or partial lines of {@code file}, reading only its end.
     *
     * @throws IOException if the file cannot be read
     */
    static List<String> lastLines(Path file, int count) throws IOException {
        if (count <= 0) {
            return List.of();
        }
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            if (end == 0) {
                return List.of();
            }
            in.seek(end - 1);
            long contentEnd = in.read() == '\n' ? end - 1 : end; // a final newline ends the last line
            long start = end;
            int newlines = 0;
            byte[] block = new byte[BLOCK];
            scan:
            while (start > 0) {
                int size = (int) Math.min(BLOCK, start);
                start -= size;
                in.seek(start);
                in.readFully(block, 0, size);
                for (int i = size - 1; i >= 0; i--) {
                    if (block[i] == '\n' && start + i < contentEnd && ++newlines == count) {
                        start += i + 1;
                        break scan;
                    }
                }
            }
            byte[] tail = new byte[(int) (contentEnd - start)];
            in.seek(start);
            in.readFully(tail);
            return List.of(new String(tail, StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    /** Starts following {@code file} from its current end (or from the start once it appears). */
    static LogTail followFromEnd(Path file) {
        long size;
        try {
            size = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            size = 0;
        }
        return new LogTail(file, size);
    }

    /**
     * Returns the complete lines appended since the last call. A file that shrank (truncated or replaced) is read
     * again from the start.
     *
     * @throws IOException if the file cannot be read
     */
    List<String> poll() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        long size = Files.size(file);
        if (size < position) {
            position = 0;
            partialLine.setLength(0);
        }
        if (size == position) {
            return List.of();
        }
        byte[] added;
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(position);
            added = new byte[(int) Math.min(size - position, 8L * BLOCK)];
            in.readFully(added);
        }
        position += added.length;
        partialLine.append(new String(added, StandardCharsets.UTF_8));
        var lines = new ArrayList<String>();
        int newline;
        while ((newline = partialLine.indexOf("\n")) >= 0) {
            lines.add(partialLine.substring(0, newline));
            partialLine.delete(0, newline + 1);
        }
        return lines;
    }
}
